<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../../ui/blocked_people.py" line="38" />
        <source>Block “%1”? You will no longer see them here, and sync will refuse what they publish. You can unblock them in Settings.</source>
        <translation>Bloquer « %1 » ? Vous ne verrez plus cette personne ici et la synchronisation refusera ce qu’elle publie. Vous pourrez la débloquer dans les Réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="40" />
        <source>Block person</source>
        <translation>Bloquer la personne</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="53" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="60" />
        <source>“%1” is blocked.</source>
        <translation>« %1 » est bloqué·e.</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="69" />
        <location filename="../../ui/blocked_people.py" line="76" />
        <source>Blocked people</source>
        <translation>Personnes bloquées</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="73" />
        <source>You blocked nobody. Block someone from the People screen.</source>
        <translation>Vous n’avez bloqué personne. On bloque quelqu’un depuis l’écran Personnes.</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="77" />
        <location filename="../../ui/messages.py" line="28" />
        <location filename="../../ui/messages.py" line="49" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="77" />
        <source>Blocked on</source>
        <translation>Bloqué le</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="77" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/blocked_people.py" line="85" />
        <source>U&amp;nblock</source>
        <translation>Déb&amp;loquer</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>Recovery phrase</source>
        <translation>Phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54" />
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="63" />
        <source>{field} must be text.</source>
        <translation>{field} doit être du texte.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64" />
        <source>{field} contains a character that is not allowed (NUL).</source>
        <translation>{field} contient un caractère interdit (NUL).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65" />
        <source>{field} is required.</source>
        <translation>{field} : ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="66" />
        <source>{field} is too long: {length} characters, at most {limit}.</source>
        <translation>{field} est trop long : {length} caractères, {limit} au plus.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71" />
        <source>{path} is a file, not a folder.</source>
        <translation>{path} est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72" />
        <source>There is no identity here yet: create one first.</source>
        <translation>Il n’y a pas encore d’identité ici : créez-en une d’abord.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73" />
        <source>This data folder already belongs to {person_id}.</source>
        <translation>Ce dossier de données appartient déjà à {person_id}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74" />
        <source>The identity file holds no profile.</source>
        <translation>Le fichier d’identité ne contient aucun profil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75" />
        <source>Your profile is missing from this data folder.</source>
        <translation>Votre profil est absent de ce dossier de données.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76" />
        <source>This is the device you are using: revoke it from another one.</source>
        <translation>C’est l’appareil que vous utilisez : révoquez-le depuis un autre.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77" />
        <source>There is no device “{device}” in your identity.</source>
        <translation>Votre identité ne compte aucun appareil « {device} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78" />
        <source>Device {device} is already revoked.</source>
        <translation>L’appareil {device} est déjà révoqué.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79" />
        <source>No person {person_id} on this device.</source>
        <translation>Aucune personne {person_id} sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80" />
        <source>“{value}” is not a person id.</source>
        <translation>« {value} » n’est pas un identifiant de personne.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81" />
        <source>This person is not known on this device yet: import or sync their profile first.</source>
        <translation>Cette personne n’est pas encore connue sur cet appareil : importez ou synchronisez d’abord son profil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82" />
        <source>This person is not known on this device.</source>
        <translation>Cette personne n’est pas connue sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83" />
        <source>Unknown profile field “{key}”.</source>
        <translation>Champ de profil inconnu : « {key} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84" />
        <source>Availability must be one of: {values}.</source>
        <translation>La disponibilité doit être l’une de : {values}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86" />
        <source>You have no skill named “{name}”.</source>
        <translation>Vous n’avez aucune compétence nommée « {name} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87" />
        <source>Linked to the skills vocabulary: {linked} skills named exactly as one of its concepts; {ambiguous} skills whose name several concepts share are left for you to choose.</source>
        <translation>Liées au vocabulaire des compétences : {linked} compétences nommées exactement comme l’un de ses concepts ; {ambiguous} compétences dont le nom est partagé par plusieurs concepts vous attendent pour choisir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89" />
        <source>Your skill “{skill}” is already linked to this concept: merge the two instead.</source>
        <translation>Votre compétence « {skill} » est déjà liée à ce concept : fusionnez plutôt les deux.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90" />
        <source>“{value}” is not a concept address.</source>
        <translation>« {value} » n’est pas l’adresse d’un concept.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="91" />
        <source>“{value}” is not in the skills vocabulary.</source>
        <translation>« {value} » ne fait pas partie du vocabulaire des compétences.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="92" />
        <source>Your skill “{skill}” is not linked to the vocabulary.</source>
        <translation>Votre compétence « {skill} » n’est pas liée au vocabulaire.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="93" />
        <source>“{value}” names several concepts; choose one: {choices}</source>
        <translation>« {value} » désigne plusieurs concepts ; choisissez-en un : {choices}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94" />
        <source>Answer with a number from 1 to {count}, or nothing.</source>
        <translation>Répondez par un nombre de 1 à {count}, ou rien.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95" />
        <source>Choose a role among the suggestions.</source>
        <translation>Choisissez un rôle parmi les suggestions.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="96" />
        <source>A skill cannot be merged into itself.</source>
        <translation>Une compétence ne peut pas être fusionnée avec elle-même.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97" />
        <source>“{keep}” and “{absorb}” are linked to different concepts: unlink one first.</source>
        <translation>« {keep} » et « {absorb} » sont liées à des concepts différents : retirez d’abord l’un des liens.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100" />
        <source>{name} has no skill named “{skill}” in their portfolio.</source>
        <translation>{name} n’a pas de compétence « {skill} » dans son portfolio.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="102" />
        <source>You gave no endorsement “{id}”.</source>
        <translation>Vous n’avez donné aucune recommandation « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103" />
        <source>This endorsement is already withdrawn.</source>
        <translation>Cette recommandation est déjà retirée.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104" />
        <source>You received no endorsement “{id}”.</source>
        <translation>Vous n’avez reçu aucune recommandation « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105" />
        <source>You already thanked {name} for this endorsement.</source>
        <translation>Vous avez déjà remercié {name} pour cette recommandation.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="106" />
        <source>{count} people gave an endorsement “{id}”: say whose.</source>
        <translation>{count} personnes ont donné une recommandation « {id} » : précisez laquelle.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107" />
        <source>Choose an offer or a request.</source>
        <translation>Choisissez une offre ou une demande.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108" />
        <source>There is no offer or request “{id}”.</source>
        <translation>Il n’y a aucune offre ni demande « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109" />
        <source>{count} people posted “{id}”: say whose.</source>
        <translation>{count} personnes ont publié « {id} » : précisez laquelle.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112" />
        <source>The status must be one of: {values}.</source>
        <translation>Le statut doit être l’un de : {values}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113" />
        <source>You have no offer or request “{id}”.</source>
        <translation>Vous n’avez aucune offre ni demande « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="114" />
        <source>There is no document {doc_id} on this device.</source>
        <translation>Il n’y a aucun document {doc_id} sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115" />
        <source>You cannot block yourself.</source>
        <translation>Vous ne pouvez pas vous bloquer vous-même.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116" />
        <source>{person_id} is already blocked.</source>
        <translation>{person_id} est déjà bloqué.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117" />
        <source>{person_id} is not blocked.</source>
        <translation>{person_id} n’est pas bloqué.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118" />
        <source>This change cannot be shared: {detail}.</source>
        <translation>Cette modification ne peut pas être partagée : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119" />
        <source>Evidence must be a project or a link.</source>
        <translation>Une preuve doit être un projet ou un lien.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120" />
        <source>There is no team {team_id} on this device.</source>
        <translation>Il n’y a aucune équipe {team_id} sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121" />
        <source>An invitation code is valid for 0 (no end) to 365 days.</source>
        <translation>Un code d’invitation vaut de 0 (sans fin) à 365 jours.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122" />
        <source>This team has no invitation “{id}”.</source>
        <translation>Cette équipe n’a aucune invitation « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131" />
        <source>The team has no need “{id}”.</source>
        <translation>L’équipe n’a aucun besoin « {id} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132" />
        <location filename="../../ui/messages.py" line="143" />
        <location filename="../../ui/messages.py" line="240" />
        <source>Cannot write {path}: {detail}.</source>
        <translation>Impossible d’écrire {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="133" />
        <source>The team would refuse this: {detail}.</source>
        <translation>L’équipe refuserait cela : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142" />
        <source>The role must be one of: {values}.</source>
        <translation>Le rôle doit être l’un de : {values}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144" />
        <location filename="../../ui/messages.py" line="204" />
        <source>{path}: no such file.</source>
        <translation>{path} : fichier introuvable.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145" />
        <source>{path} is not a regular file, so not a LinkedIn export.</source>
        <translation>{path} n’est pas un fichier ordinaire, donc pas un export LinkedIn.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146" />
        <source>{file} holds none of the LinkedIn export files ({files}): is it the export from LinkedIn’s “Get a copy of your data”?</source>
        <translation>{file} ne contient aucun des fichiers d’un export LinkedIn ({files}) : est-ce bien l’export « Obtenir une copie de vos données » de LinkedIn ?</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="147" />
        <source>No LinkedIn file in {file} could be read: {detail}</source>
        <translation>Aucun fichier LinkedIn de {file} n’a pu être lu : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148" />
        <source>{file} is not a readable ZIP archive ({detail}).</source>
        <translation>{file} n’est pas une archive ZIP lisible ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149" />
        <source>{file} cannot be read ({detail}).</source>
        <translation>{file} ne peut pas être lu ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150" />
        <source>{member}: another {name} was already read ({chosen}): ignored.</source>
        <translation>{member} : un autre {name} a déjà été lu ({chosen}) : ignoré.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="151" />
        <source>{file} is too large for a LinkedIn export file.</source>
        <translation>{file} est trop volumineux pour un fichier d’export LinkedIn.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="152" />
        <source>{file} is damaged in the ZIP archive ({detail}).</source>
        <translation>{file} est endommagé dans l’archive ZIP ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="153" />
        <source>{file} is damaged in the ZIP archive (longer than it says).</source>
        <translation>{file} est endommagé dans l’archive ZIP (plus long qu’annoncé).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154" />
        <source>{file} cannot be extracted ({detail}).</source>
        <translation>{file} ne peut pas être extrait ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155" />
        <source>{file} is not a CSV text file (it holds binary data).</source>
        <translation>{file} n’est pas un fichier texte CSV (il contient des données binaires).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156" />
        <source>{file} is not a CSV text file (unknown text encoding).</source>
        <translation>{file} n’est pas un fichier texte CSV (encodage inconnu).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157" />
        <source>{file} is not a readable CSV file ({detail}).</source>
        <translation>{file} n’est pas un fichier CSV lisible ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158" />
        <source>{file} has no header row with {columns}: skipped.</source>
        <translation>{file} n’a pas de ligne d’en-tête avec {columns} : ignoré.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="159" />
        <source>{file} row {row}: {column} “{value}” is not a date: left empty.</source>
        <translation>{file}, ligne {row} : {column} « {value} » n’est pas une date : laissé vide.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160" />
        <source>Read from the LinkedIn export: {files}.</source>
        <translation>Lu dans l’export LinkedIn : {files}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161" />
        <source>Not in this export (nothing imported from them): {files}.</source>
        <translation>Absents de cet export (rien n’en a été importé) : {files}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="162" />
        <source>Kept, with no Skiller field: {fields}.</source>
        <translation>Conservés, sans champ Skiller : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="163" />
        <source>Imported the profile of {name}: {positions} positions, {projects} projects, {certificates} certificates, {languages} languages.</source>
        <translation>Profil de {name} importé : {positions} postes, {projects} projets, {certificates} certificats, {languages} langues.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="164" />
        <source>Imported {count} skills at level 3: LinkedIn has no skill levels, adjust them in Skiller.</source>
        <translation>{count} compétences importées au niveau 3 : LinkedIn n’a pas de niveaux, ajustez-les dans Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165" />
        <source>Imported {count} endorsements received, marked unverified: LinkedIn does not sign them, so Skiller cannot prove who gave them.</source>
        <translation>{count} recommandations reçues importées, marquées non vérifiées : LinkedIn ne les signe pas, Skiller ne peut donc pas prouver qui les a données.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="166" />
        <source>Skipped the duplicate skill “{name}” (same as “{same}”).</source>
        <translation>Compétence en double « {name} » ignorée (identique à « {same} »).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="167" />
        <source>{file} row {row}: no skill or no endorser: skipped.</source>
        <translation>{file}, ligne {row} : pas de compétence ou pas d’auteur : ignorée.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168" />
        <source>Skipped {count} duplicate endorsements.</source>
        <translation>{count} recommandations en double ignorées.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169" />
        <source>Endorsements kept for skills not in Skills.csv: {skills}.</source>
        <translation>Recommandations conservées pour des compétences absentes de Skills.csv : {skills}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170" />
        <source>Skipped the duplicate {kind} “{name}”.</source>
        <translation>Élément en double ignoré ({kind}) : « {name} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="171" />
        <source>What Skiller has no field for stays on this device only, never synced: {file}</source>
        <translation>Ce qui n’a pas de champ dans Skiller reste sur cet appareil seulement, jamais synchronisé : {file}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="172" />
        <source>{what} was longer than {limit} characters: shortened with “{ellipsis}”.</source>
        <translation>{what} dépassait {limit} caractères : raccourci avec « {ellipsis} ».</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="173" />
        <source>Kept your {name} (the import has “{value}”).</source>
        <translation>Votre {name} est conservé (l’import contient « {value} »).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174" />
        <source>Filled your empty profile fields: {fields}.</source>
        <translation>Champs vides de votre profil remplis : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="175" />
        <source>{skill} from {endorser}: {detail}</source>
        <translation>{skill}, de {endorser} : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="176" />
        <source>Not a valid JSON Resume: {where}: {detail}</source>
        <translation>Pas un JSON Resume valide : {where} : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="177" />
        <source>{file} is not UTF-8 text.</source>
        <translation>{file} n’est pas du texte UTF-8.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="178" />
        <source>{file} is refused: {detail}</source>
        <translation>{file} est refusé : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="179" />
        <source>{file} holds a JSON {kind}, not a résumé.</source>
        <translation>{file} contient un {kind} JSON, pas un CV.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="180" />
        <source>A JSON Resume must be a JSON object, not {kind}.</source>
        <translation>Un JSON Resume doit être un objet JSON, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="181" />
        <source>{where}.{key} must be text, not {kind}.</source>
        <translation>{where}.{key} doit être du texte, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="182" />
        <source>{where}.{key} must be a list of texts.</source>
        <translation>{where}.{key} doit être une liste de textes.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="183" />
        <source>{where}.{key} “{value}” is not a date: left empty (kept for export).</source>
        <translation>{where}.{key} « {value} » n’est pas une date : laissé vide (conservé pour l’export).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="184" />
        <source>{where}{key} must be an object, not {kind}.</source>
        <translation>{where}{key} doit être un objet, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="185" />
        <source>{where}{key} must be a list, not {kind}.</source>
        <translation>{where}{key} doit être une liste, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="186" />
        <source>{where}{key}[{index}] must be an object, not {kind}.</source>
        <translation>{where}{key}[{index}] doit être un objet, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="187" />
        <source>languages[{index}] has no language name: skipped.</source>
        <translation>languages[{index}] n’a pas de nom de langue : ignoré.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="188" />
        <source>Skill “{name}”: level “{value}” not recognised, set to 3.</source>
        <translation>Compétence « {name} » : niveau « {value} » non reconnu, mis à 3.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="189" />
        <source>Imported from JSON Resume: the profile of {name}, {skills} skills, {positions} positions, {projects} projects, {certificates} certificates, {languages} languages.</source>
        <translation>Importé depuis JSON Resume : profil de {name}, {skills} compétences, {positions} postes, {projects} projets, {certificates} certificats, {languages} langues.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="190" />
        <source>Kept for export, with no Skiller field: {fields}.</source>
        <translation>Conservés pour l’export, sans champ Skiller : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="191" />
        <source>{where} has no {fields}: skipped.</source>
        <translation>{where} n’a pas de {fields} : ignoré.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="192" />
        <source>Skill “{name}” appears twice: merged into one.</source>
        <translation>La compétence « {name} » apparaît deux fois : fusionnée en une.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="193" />
        <source>No level given for {skills}: set to 3, adjust in Skiller.</source>
        <translation>Aucun niveau pour {skills} : mis à 3, ajustez dans Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="194" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="195" />
        <source>The import was cancelled: nothing was imported.</source>
        <translation>L’import a été annulé : rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="197" />
        <source>{file} is not a JSON Resume: it has none of its sections ({sections}).</source>
        <translation>{file} n’est pas un JSON Resume : il n’a aucune de ses sections ({sections}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="198" />
        <source>Skipped {where}: “{value}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD).</source>
        <translation>Ignoré {where} : « {value} » n’est pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="199" />
        <source>Skipped {where}: “{value}” is not text.</source>
        <translation>Ignoré {where} : « {value} » n’est pas du texte.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="200" />
        <source>Skipped {where}: “{value}” is not a list.</source>
        <translation>Ignoré {where} : « {value} » n’est pas une liste.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="201" />
        <source>Skipped {where}: “{value}” is not an object.</source>
        <translation>Ignoré {where} : « {value} » n’est pas un objet.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="202" />
        <source>Skipped {where}: “{value}” is not a valid address.</source>
        <translation>Ignoré {where} : « {value} » n’est pas une adresse valide.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="203" />
        <source>Skipped {where}: “{value}” does not follow the JSON Resume schema.</source>
        <translation>Ignoré {where} : « {value} » ne suit pas le schéma JSON Resume.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="205" />
        <source>{path} is a folder, not a credential file.</source>
        <translation>{path} est un dossier, pas un fichier d’attestation.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="206" />
        <source>{path} is not a regular file (a device or a pipe), not a credential file.</source>
        <translation>{path} n’est pas un fichier ordinaire (un périphérique ou un tube), pas un fichier d’attestation.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="207" />
        <source>{file}: not a valid credential: {detail}</source>
        <translation>{file} : attestation non valable : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="208" />
        <source>Cannot write credentials into {path}: {detail}.</source>
        <translation>Impossible d’écrire les attestations dans {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="209" />
        <source>A document of a kind this version does not know was refused.</source>
        <translation>Un document d’un type inconnu de cette version a été refusé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="210" />
        <source>An empty document was refused.</source>
        <translation>Un document vide a été refusé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="211" />
        <source>A document nested too deeply was refused.</source>
        <translation>Un document trop imbriqué a été refusé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="212" />
        <source>A document that does not carry its own id was refused.</source>
        <translation>Un document qui ne porte pas son propre identifiant a été refusé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="213" />
        <source>Refused: the sender is blocked on this device.</source>
        <translation>Refusé : l’expéditeur est bloqué sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="214" />
        <source>Refused: the author is blocked on this device.</source>
        <translation>Refusé : l’auteur est bloqué sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="215" />
        <source>Already in Skiller, left as they are: {counts}.</source>
        <translation>Déjà dans Skiller, laissés tels quels : {counts}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="216" />
        <source>{path}: no such file or folder.</source>
        <translation>{path} : fichier ou dossier introuvable.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="217" />
        <source>{file} is not valid JSON (line {line}, column {column}).</source>
        <translation>{file} n’est pas du JSON valide (ligne {line}, colonne {column}).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="218" />
        <source>Stored: {skills_added} new skills, {skills_merged} skills with new keywords, {positions} positions, {projects} projects, {certificates} certificates, {endorsements} unverified endorsements.</source>
        <translation>Enregistré : {skills_added} nouvelles compétences, {skills_merged} compétences avec de nouveaux mots-clés, {positions} postes, {projects} projets, {certificates} certificats, {endorsements} recommandations non vérifiées.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="219" />
        <source>Nothing new: everything in this import is already in Skiller.</source>
        <translation>Rien de nouveau : tout le contenu de cet import est déjà dans Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="220" />
        <source>There are no PDF labels for the language “{language}”: use one of {languages}.</source>
        <translation>Pas de libellés PDF pour la langue « {language} » : utilisez l’une de {languages}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="221" />
        <source>given before endorsements carried a credential</source>
        <translation>donnée avant que les recommandations portent une attestation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="222" />
        <source>its credential does not verify ({detail})</source>
        <translation>son attestation ne se vérifie pas ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223" />
        <source>its credential names another person</source>
        <translation>son attestation désigne une autre personne</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="224" />
        <source>The passphrase must have at least 8 characters.</source>
        <translation>La phrase secrète doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="225" />
        <source>This file is not a Skiller identity export.</source>
        <translation>Ce fichier n’est pas un export d’identité Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="226" />
        <source>The identity file is damaged.</source>
        <translation>Le fichier d’identité est endommagé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="228" />
        <source>The identity file holds no readable key.</source>
        <translation>Le fichier d’identité ne contient aucune clé lisible.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229" />
        <source>The identity file does not match its person id.</source>
        <translation>Le fichier d’identité ne correspond pas à son identifiant.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="230" />
        <source>Cannot save the identity in {path}: {detail}.</source>
        <translation>Impossible d’enregistrer l’identité dans {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="231" />
        <source>The identity in {path} cannot be read.</source>
        <translation>L’identité dans {path} est illisible.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232" />
        <source>The stored key does not match the stored person id.</source>
        <translation>La clé enregistrée ne correspond pas à l’identifiant enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="233" />
        <source>The private key is missing from the system key store: restore it with your recovery phrase.</source>
        <translation>La clé privée manque dans le trousseau du système : restaurez-la avec votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="234" />
        <source>This change is too large to share ({size} bytes, at most {limit}): split it into smaller ones.</source>
        <translation>Cette modification est trop volumineuse pour être partagée ({size} octets, {limit} au plus) : découpez-la.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235" />
        <source>Cannot read {path}: no such file.</source>
        <translation>Impossible de lire {path} : fichier introuvable.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="236" />
        <source>{path} is a folder, not a {what}.</source>
        <translation>{path} est un dossier, pas un {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="237" />
        <source>Cannot read {path}: {detail}.</source>
        <translation>Impossible de lire {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238" />
        <source>{path} is not a regular file (a device or a pipe), not a {what}.</source>
        <translation>{path} n’est pas un fichier ordinaire (un périphérique ou un tube), pas un {what}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="239" />
        <source>{path} is too large for a {what} (over {limit} bytes).</source>
        <translation>{path} est trop volumineux pour un {what} (plus de {limit} octets).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="241" />
        <source>The data folder is read-only: Skiller cannot save changes there.</source>
        <translation>Le dossier de données est en lecture seule : Skiller ne peut pas y enregistrer.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="242" />
        <source>The disk is full: free some space; nothing was changed.</source>
        <translation>Le disque est plein : libérez de la place ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="243" />
        <source>The data file is busy in another Skiller window; try again.</source>
        <translation>Le fichier de données est occupé par une autre fenêtre de Skiller ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="244" />
        <source>Cannot open the data file: check that the folder exists and is writable.</source>
        <translation>Impossible d’ouvrir le fichier de données : vérifiez que le dossier existe et qu’on peut y écrire.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="245" />
        <source>The disk reported an error while saving; nothing was changed.</source>
        <translation>Le disque a signalé une erreur pendant l’enregistrement ; rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="246" />
        <source>The data file is damaged or is not a Skiller store.</source>
        <translation>Le fichier de données est endommagé ou n’est pas un fichier Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="247" />
        <source>The data file could not be used: {detail}.</source>
        <translation>Le fichier de données n’a pas pu être utilisé : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="248" />
        <source>Cannot use the data folder {path}: {detail}.</source>
        <translation>Impossible d’utiliser le dossier de données {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="249" />
        <source>This data file was written by a newer Skiller: please update.</source>
        <translation>Ce fichier de données a été écrit par une version plus récente de Skiller : mettez Skiller à jour.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="250" />
        <source>This file is not a Skiller bundle.</source>
        <translation>Ce fichier n’est pas un paquet Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251" />
        <source>This bundle has version {version}; this Skiller reads version {supported}.</source>
        <translation>Ce paquet est en version {version} ; cette version de Skiller lit la version {supported}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="252" />
        <source>This bundle was written by a newer Skiller (format {version}; this one reads {supported}): update Skiller to open it.</source>
        <translation>Ce paquet a été écrit par une version plus récente de Skiller (format {version} ; celle-ci lit le format {supported}) : mettez Skiller à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253" />
        <source>This identity file was written by a newer Skiller (format {version}; this one reads {supported}): update Skiller to open it.</source>
        <translation>Ce fichier d’identité a été écrit par une version plus récente de Skiller (format {version} ; celle-ci lit le format {supported}) : mettez Skiller à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="254" />
        <source>This identity file has version {version}; this Skiller reads version {supported}.</source>
        <translation>Ce fichier d’identité est en version {version} ; cette version de Skiller lit la version {supported}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="255" />
        <source>Windows’ Credential Locker is not available, and Skiller does not keep a private key in a plain file on Windows: {detail}</source>
        <translation>Le Gestionnaire d’identification de Windows n’est pas disponible, et Skiller ne garde pas de clé privée dans un simple fichier sous Windows : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="256" />
        <source>The bundle was altered after it was exported (its seal does not match).</source>
        <translation>Le paquet a été modifié après son export (son sceau ne correspond pas).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257" />
        <source>The bundle’s contents are refused: {detail}</source>
        <translation>Le contenu du paquet est refusé : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="258" />
        <source>The bundle’s contents are malformed.</source>
        <translation>Le contenu du paquet est mal formé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="259" />
        <source>The bundle names a document with an id that is not ASCII.</source>
        <translation>Le paquet désigne un document par un identifiant non ASCII.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="260" />
        <source>This is not a person id (did:key:z6Mk…).</source>
        <translation>Ce n’est pas un identifiant de personne (did:key:z6Mk…).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="262" />
        <source>Save the QR code as a .png or .svg file.</source>
        <translation>Enregistrez le QR code en fichier .png ou .svg.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="264" />
        <source>Word {position}, “{word}”, is not in the list of recovery words (a phrase has {expected} words).</source>
        <translation>Le mot n° {position}, « {word} », n’est pas dans la liste des mots de récupération (une phrase compte {expected} mots).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="266" />
        <source>A recovery phrase has {expected} words; this one has {count}.</source>
        <translation>Une phrase de récupération compte {expected} mots ; celle-ci en a {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="268" />
        <source>This is not a Skiller invitation link (it starts with skiller:invite).</source>
        <translation>Ce n’est pas un lien d’invitation Skiller (il commence par skiller:invite).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="269" />
        <source>This link is too long to be a Skiller invitation.</source>
        <translation>Ce lien est trop long pour être une invitation Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="270" />
        <source>This link was made by a newer version of Skiller: update to open it.</source>
        <translation>Ce lien vient d’une version plus récente de Skiller : mettez Skiller à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="271" />
        <location filename="../../ui/messages.py" line="272" />
        <location filename="../../ui/messages.py" line="273" />
        <location filename="../../ui/messages.py" line="274" />
        <location filename="../../ui/messages.py" line="275" />
        <source>This link is damaged: ask for it again.</source>
        <translation>Ce lien est abîmé : redemandez-le.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="276" />
        <source>This link does not say which relay to find the person through.</source>
        <translation>Ce lien ne dit pas par quel relais trouver la personne.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="277" />
        <source>This link names too many relays.</source>
        <translation>Ce lien nomme trop de relais.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="278" />
        <source>The person in this link is not a valid Skiller person id.</source>
        <translation>La personne de ce lien n’a pas un identifiant Skiller valide.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="279" />
        <location filename="../../ui/messages.py" line="280" />
        <location filename="../../ui/messages.py" line="281" />
        <location filename="../../ui/messages.py" line="282" />
        <location filename="../../ui/messages.py" line="284" />
        <source>A relay address in this link is not a valid web address.</source>
        <translation>Une adresse de relais de ce lien n’est pas une adresse web valide.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283" />
        <source>A relay address in this link carries a user name or password.</source>
        <translation>Une adresse de relais de ce lien contient un nom d’utilisateur ou un mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="285" />
        <source>A relay address in this link does not start with http:// or https://.</source>
        <translation>Une adresse de relais de ce lien ne commence pas par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="286" />
        <source>The team code in this link is not valid.</source>
        <translation>Le code d’équipe de ce lien n’est pas valide.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287" />
        <location filename="../../ui/messages.py" line="288" />
        <source>The name in this link contains hidden characters or is too long.</source>
        <translation>Le nom dans ce lien contient des caractères invisibles ou est trop long.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="289" />
        <source>The credential is refused: {detail}</source>
        <translation>L’attestation est refusée : {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="290" />
        <source>You cannot mark yourself as someone you know.</source>
        <translation>Vous ne pouvez pas vous indiquer vous-même comme une personne connue.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="291" />
        <source>You already say you know this person.</source>
        <translation>Vous indiquez déjà connaître cette personne.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="292" />
        <source>You do not say you know this person.</source>
        <translation>Vous n’indiquez pas connaître cette personne.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293" />
        <source>Standings are out of date, and this data folder is open read-only.</source>
        <translation>Les reconnaissances ne sont pas à jour, et ce dossier de données est ouvert en lecture seule.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="301" />
        <source>It did not answer. Check your internet connection, or ask whoever runs it whether it is up; Skiller tries again by itself.</source>
        <translation>Il ne répond pas. Vérifiez votre connexion à Internet ou demandez à qui le gère s’il fonctionne ; Skiller réessaie tout seul.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="302" />
        <source>This is not an address Skiller can use. Check it in Settings: it looks like https://relay.example.org.</source>
        <translation>Ce n’est pas une adresse utilisable par Skiller. Vérifiez-la dans les Paramètres : elle ressemble à https://relay.example.org.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303" />
        <source>Skiller cannot sync with an address of this kind. Check it in Settings: it starts with http:// or https://.</source>
        <translation>Skiller ne sait pas se synchroniser avec une adresse de ce genre. Vérifiez-la dans les Paramètres : elle commence par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="304" />
        <source>It answered too slowly. Skiller tries again by itself; if it lasts, tell whoever runs it.</source>
        <translation>Il a répondu trop lentement. Skiller réessaie tout seul ; si cela dure, prévenez qui le gère.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="305" />
        <source>The sync took too long and paused; it goes on by itself next time.</source>
        <translation>La synchronisation a pris trop de temps et s’est mise en pause ; elle reprendra d’elle-même la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="306" />
        <source>It sent more at once than Skiller accepts. Tell whoever runs it.</source>
        <translation>Il a envoyé d’un coup plus que Skiller n’accepte. Prévenez qui le gère.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="307" />
        <source>It answered in a way Skiller does not understand: is it really a Skiller relay? Check the address.</source>
        <translation>Il a répondu d’une façon que Skiller ne comprend pas : est-ce bien un relais Skiller ? Vérifiez l’adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="308" />
        <source>It refused the sync. Check the address; if it lasts, tell whoever runs it.</source>
        <translation>Il a refusé la synchronisation. Vérifiez l’adresse ; si cela dure, prévenez qui le gère.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="309" />
        <source>It refused the sync because this computer's clock is off. Set the date and time to update automatically in your system settings.</source>
        <translation>Il a refusé la synchronisation parce que l’horloge de cet ordinateur n’est pas à l’heure. Réglez la date et l’heure en automatique dans les paramètres du système.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="310" />
        <source>It does not accept syncs from you (you may be blocked there). Ask whoever runs it.</source>
        <translation>Il n’accepte pas vos synchronisations (vous y êtes peut-être bloqué). Demandez à qui le gère.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="311" />
        <source>It is busy right now; Skiller tries again by itself.</source>
        <translation>Il est occupé pour le moment ; Skiller réessaie tout seul.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="312" />
        <source>The sync stopped on a problem with the data it received; Skiller tries again by itself.</source>
        <translation>La synchronisation s’est arrêtée sur un problème dans les données reçues ; Skiller réessaie tout seul.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="313" />
        <source>Something went wrong inside Skiller; it was written to the error log and Skiller tries again.</source>
        <translation>Un problème est survenu dans Skiller ; il est noté dans le journal d’erreurs et Skiller réessaie.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="314" />
        <source>You stopped the sync; it goes on by itself next time.</source>
        <translation>Vous avez arrêté la synchronisation ; elle reprendra d’elle-même la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="315" />
        <source>Synced, but some entries were refused or still wait for others; Skiller asks for them again next time.</source>
        <translation>Synchronisé, mais certains éléments ont été refusés ou en attendent d’autres ; Skiller les redemandera la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="323" />
        <source>Waiting to sync</source>
        <translation>En attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="324" />
        <source>Not reachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="325" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="326" />
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="327" />
        <source>Partly synced</source>
        <translation>Synchronisé en partie</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="328" />
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="336" />
        <source>%n minute(s) ago</source>
        <translation><numerusform>il y a %n minute</numerusform><numerusform>il y a %n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="338" />
        <source>%n hour(s) ago</source>
        <translation><numerusform>il y a %n heure</numerusform><numerusform>il y a %n heures</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="340" />
        <source>%n day(s) ago</source>
        <translation><numerusform>il y a %n jour</numerusform><numerusform>il y a %n jours</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="342" />
        <source>yesterday at {time}</source>
        <translation>hier à {time}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="346" />
        <source>on {date}</source>
        <translation>le {date}</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="347" />
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="347" />
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="369" />
        <source>Something went wrong: %s</source>
        <translation>Une erreur est survenue : %s</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="408" />
        <source>JSON Resume file</source>
        <translation>fichier JSON Resume</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="408" />
        <source>LinkedIn export file</source>
        <translation>fichier d’export LinkedIn</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="409" />
        <source>credential file</source>
        <translation>fichier d’attestation</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="409" />
        <source>identity file</source>
        <translation>fichier d’identité</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="410" />
        <source>Skiller identity export</source>
        <translation>export d’identité Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="410" />
        <source>bundle file</source>
        <translation>fichier de paquet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="418" />
        <source>%n skill(s)</source>
        <translation><numerusform>%n compétence</numerusform><numerusform>%n compétences</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="418" />
        <source>%n position(s)</source>
        <translation><numerusform>%n poste</numerusform><numerusform>%n postes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="419" />
        <source>%n project(s)</source>
        <translation><numerusform>%n projet</numerusform><numerusform>%n projets</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="419" />
        <source>%n certificate(s)</source>
        <translation><numerusform>%n certificat</numerusform><numerusform>%n certificats</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="67" />
        <location filename="../../ui/messages.py" line="68" />
        <source>Choose a level from 1 to 5.</source>
        <translation>Choisissez un niveau de 1 à 5.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69" />
        <location filename="../../ui/messages.py" line="70" />
        <source>Years must be a whole number from 0 to 80.</source>
        <translation>Les années doivent être un nombre entier de 0 à 80.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85" />
        <source>You already have this skill in your portfolio.</source>
        <translation>Cette compétence est déjà dans votre portfolio.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101" />
        <source>You already endorse this skill for this person.</source>
        <translation>Vous recommandez déjà cette compétence pour cette personne.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99" />
        <source>You cannot endorse yourself.</source>
        <translation>Vous ne pouvez pas vous recommander vous-même.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110" />
        <source>This is your own post.</source>
        <translation>C’est votre propre annonce.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111" />
        <source>This post is already closed.</source>
        <translation>Cette annonce est déjà close.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="227" />
        <source>The passphrase is wrong or the file is damaged.</source>
        <translation>La phrase secrète est fausse ou le fichier est abîmé.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="135" />
        <source>Only the team’s admins may do this.</source>
        <translation>Seuls les administrateurs de l’équipe peuvent faire cela.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134" />
        <source>You are not a member of this team.</source>
        <translation>Vous n’êtes pas membre de cette équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130" />
        <source>You are already a member of this team.</source>
        <translation>Vous êtes déjà membre de cette équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137" />
        <source>This person is already a member.</source>
        <translation>Cette personne est déjà membre.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124" />
        <source>This person is not a member of the team.</source>
        <translation>Cette personne n’est pas membre de l’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136" />
        <source>This person was removed from the team; a removal is final.</source>
        <translation>Cette personne a été retirée de l’équipe ; un retrait est définitif.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126" />
        <source>To remove yourself, leave the team.</source>
        <translation>Pour vous retirer, quittez l’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129" />
        <source>Paste an invitation code or a team id (team:…).</source>
        <translation>Collez un code d’invitation ou un identifiant d’équipe (team:…).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="138" />
        <source>This invitation code is not valid for this team.</source>
        <translation>Ce code d’invitation n’est pas valable pour cette équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="139" />
        <source>This invitation code was already used.</source>
        <translation>Ce code d’invitation a déjà servi.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140" />
        <source>This invitation code was withdrawn by the team.</source>
        <translation>Ce code d’invitation a été retiré par l’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141" />
        <source>This invitation code has expired: ask the team for a new one.</source>
        <translation>Ce code d’invitation a expiré : demandez-en un nouveau à l’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="128" />
        <source>Your invitation to this team was withdrawn.</source>
        <translation>Votre invitation dans cette équipe a été retirée.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123" />
        <source>This invitation was already accepted: remove the member instead.</source>
        <translation>Cette invitation a déjà été acceptée : retirez plutôt le membre.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261" />
        <source>This is not a Skiller team invitation code.</source>
        <translation>Ce n’est pas un code d’invitation d’équipe Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127" />
        <source>You are the team’s only admin: make someone else admin before leaving.</source>
        <translation>Vous êtes le seul administrateur de l’équipe : nommez-en un autre avant de partir.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125" />
        <source>You are the team’s only admin: make someone else admin first.</source>
        <translation>Vous êtes le seul administrateur de l’équipe : nommez-en d’abord un autre.</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="46" />
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="46" />
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="50" />
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="50" />
        <source>open to offers</source>
        <translation>ouvert aux propositions</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="51" />
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="51" />
        <source>availability unknown</source>
        <translation>disponibilité inconnue</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="56" />
        <source>level %1 ≥ %2 wanted</source>
        <translation>niveau %1 ≥ %2 voulu</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="56" />
        <source>level %1 &lt; %2 wanted</source>
        <translation>niveau %1 &lt; %2 voulu</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="58" />
        <source>no endorsements</source>
        <translation>aucune recommandation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="420" />
        <location filename="../../ui/team_models.py" line="58" />
        <source>%n endorsement(s)</source>
        <translation><numerusform>%n recommandation</numerusform><numerusform>%n recommandations</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="59" />
        <source>team member</source>
        <translation>membre de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="59" />
        <source>not in the team</source>
        <translation>hors de l’équipe</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="88" />
        <source>%n member(s)</source>
        <translation><numerusform>%n membre</numerusform><numerusform>%n membres</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="89" />
        <source>%n open need(s)</source>
        <translation><numerusform>%n besoin ouvert</numerusform><numerusform>%n besoins ouverts</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="137" />
        <source>Best match</source>
        <translation>Meilleure correspondance</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="137" />
        <source>Best match, below the level wanted: nobody meets it</source>
        <translation>Meilleure correspondance, sous le niveau voulu : personne ne l’atteint</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="141" />
        <source>Below the level wanted: after everyone who meets it</source>
        <translation>Sous le niveau voulu : après toutes les personnes qui l’atteignent</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="142" />
        <source>Not in the team: after the team’s members</source>
        <translation>Hors de l’équipe : après les membres de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="143" />
        <source>Busy: after those who are free</source>
        <translation>Occupé·e : après les personnes libres</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="144" />
        <source>Lower level than %1 (%2 &lt; %3)</source>
        <translation>Niveau plus bas que %1 (%2 &lt; %3)</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="145" />
        <source>Fewer endorsements than %1 (%2 &lt; %3)</source>
        <translation>Moins de recommandations que %1 (%2 &lt; %3)</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="146" />
        <source>Less available than %1</source>
        <translation>Moins disponible que %1</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="147" />
        <source>Less recognised than %1 in this skill</source>
        <translation>Moins reconnu·e que %1 dans cette compétence</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="148" />
        <source>As %1 on every count: by name</source>
        <translation>À égalité avec %1 sur tout : par ordre alphabétique</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="251" />
        <source>level %1, %n endorsement(s)</source>
        <translation><numerusform>niveau %1, %n recommandation</numerusform><numerusform>niveau %1, %n recommandations</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="263" />
        <source>Type or paste your recovery phrase.</source>
        <translation>Tapez ou collez votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="267" />
        <source>These words do not form your recovery phrase: check each word and their order.</source>
        <translation>Ces mots ne forment pas votre phrase de récupération : vérifiez chaque mot et leur ordre.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help.py" line="102" />
        <location filename="../../ui/help.py" line="105" />
        <source>About Skiller</source>
        <translation>À propos de Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="111" />
        <source>Your skills portfolio, endorsed by people who know your work, kept on your computer.</source>
        <translation>Votre portfolio de compétences, recommandé par ceux qui connaissent votre travail, gardé sur votre ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="112" />
        <source>Built with Qt %1 and PySide6 %2.</source>
        <translation>Construit avec Qt %1 et PySide6 %2.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="113" />
        <source>Fonts</source>
        <translation>Polices</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="114" />
        <source>DejaVu Sans and DejaVu Sans Bold (DejaVu fonts 2.37), embedded in PDF exports. Bitstream Vera licence; the DejaVu changes are in the public domain.</source>
        <translation>DejaVu Sans et DejaVu Sans Bold (polices DejaVu 2.37), incorporées aux exports PDF. Licence Bitstream Vera ; les modifications DejaVu sont dans le domaine public.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="116" />
        <source>Droid Sans Fallback (a subset: Chinese and Japanese characters), shown where the system has no font for them. © Google, Apache License 2.0 (resources/fonts/DroidSansFallback-LICENSE.txt).</source>
        <translation>Droid Sans Fallback (un sous-ensemble : caractères chinois et japonais), utilisée quand le système n’a pas de police pour eux. © Google, licence Apache 2.0 (resources/fonts/DroidSansFallback-LICENSE.txt).</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="119" />
        <source>Skills vocabulary</source>
        <translation>Vocabulaire des compétences</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="120" />
        <source>This service uses the ESCO classification of the European Commission.</source>
        <translation>Ce service utilise la classification ESCO de la Commission européenne.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="146" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="154" />
        <source>Commit %1, built on %2.</source>
        <translation>Commit %1, construit le %2.</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="155" />
        <source>Commit %1, run from source.</source>
        <translation>Commit %1, lancé depuis les sources.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="136" />
        <source>Generating the demo community…</source>
        <translation>Création de la communauté de démonstration…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="191" />
        <source>Skiller is already open on this data folder but does not answer. Close it (or end it), then try again.</source>
        <translation>Skiller est déjà ouvert sur ce dossier de données mais ne répond pas. Fermez-le (ou arrêtez-le), puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <location filename="../../ui/person_view.py" line="153" />
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="154" />
        <source>Open to offers</source>
        <translation>Ouvert·e aux propositions</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="155" />
        <source>Busy</source>
        <translation>Occupé·e</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/screens/exchange.py" line="60" />
        <source>Mark as done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="62" />
        <source>Who helped you? They will be endorsed for “%s”.</source>
        <translation>Qui vous a aidé·e ? Cette personne sera recommandée pour « %s ».</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="72" />
        <source>&amp;Person</source>
        <translation>&amp;Personne</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="72" />
        <source>Person recognised</source>
        <translation>Personne remerciée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="73" />
        <source>&amp;Recognition</source>
        <translation>&amp;Remerciement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="73" />
        <source>Recognition</source>
        <translation>Remerciement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="74" />
        <source>Mark done and recognise</source>
        <translation>Terminer et remercier</translation>
    </message>
</context>
<context>
    <name>ConceptStatus</name>
    <message>
        <location filename="../../ui/concept_link.py" line="36" />
        <source>Unlink</source>
        <translation>Retirer le lien</translation>
    </message>
    <message>
        <location filename="../../ui/concept_link.py" line="37" />
        <source>Keep your words as free text, not linked to the vocabulary</source>
        <translation>Garder vos mots en texte libre, sans lien avec le vocabulaire</translation>
    </message>
    <message>
        <location filename="../../ui/concept_link.py" line="54" />
        <source>Merge into “%1”</source>
        <translation>Fusionner avec « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/concept_link.py" line="61" />
        <source>Free text: pick a suggestion to link it to the shared vocabulary.</source>
        <translation>Texte libre : choisissez une suggestion pour la lier au vocabulaire commun.</translation>
    </message>
    <message>
        <location filename="../../ui/concept_link.py" line="79" />
        <source>Linked to: %s</source>
        <translation>Liée à : %s</translation>
    </message>
    <message>
        <location filename="../../ui/concept_link.py" line="120" />
        <source>Vocabulary</source>
        <translation>Vocabulaire</translation>
    </message>
</context>
<context>
    <name>CreateTeamDialog</name>
    <message>
        <location filename="../../ui/screens/teams.py" line="45" />
        <source>New team</source>
        <translation>Nouvelle équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="46" />
        <source>Team name</source>
        <translation>Nom de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="48" />
        <source>Team description</source>
        <translation>Description de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="46" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="47" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="50" />
        <source>Create team</source>
        <translation>Créer l’équipe</translation>
    </message>
</context>
<context>
    <name>EndorseDialog</name>
    <message>
        <location filename="../../ui/screens/people.py" line="45" />
        <source>Endorse %s</source>
        <translation>Recommander %s</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="56" />
        <source>Skill to endorse</source>
        <translation>Compétence à recommander</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="57" />
        <source>Level observed</source>
        <translation>Niveau constaté</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="58" />
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="56" />
        <source>&amp;Skill</source>
        <translation>&amp;Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="57" />
        <source>&amp;Level observed</source>
        <translation>&amp;Niveau constaté</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="58" />
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="59" />
        <source>Endorse</source>
        <translation>Recommander</translation>
    </message>
</context>
<context>
    <name>EndorsementsScreen</name>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="56" />
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="59" />
        <location filename="../../ui/screens/endorsements.py" line="186" />
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="60" />
        <source>Given</source>
        <translation>Accordées</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="72" />
        <source>Endorsements received</source>
        <translation>Recommandations reçues</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="73" />
        <source>Skill / endorsed by</source>
        <translation>Compétence / recommandée par</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="73" />
        <location filename="../../ui/screens/endorsements.py" line="130" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="74" />
        <source>Level observed</source>
        <translation>Niveau constaté</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="74" />
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="85" />
        <source>&amp;Hide from my profile</source>
        <translation>&amp;Masquer de mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="87" />
        <source>&amp;Show on my profile</source>
        <translation>&amp;Afficher sur mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="89" />
        <source>&amp;Thank…</source>
        <translation>&amp;Remercier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="92" />
        <source>Endorse &amp;back…</source>
        <translation>Recommander en re&amp;tour…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="93" />
        <source>Endorse one of this person’s skills in return</source>
        <translation>Recommander à votre tour une compétence de cette personne</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="95" />
        <source>Nobody has endorsed your skills yet. Endorsements arrive when you sync with people who know your work.</source>
        <translation>Personne n’a encore recommandé vos compétences. Les recommandations arrivent quand vous synchronisez avec des personnes qui connaissent votre travail.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="120" />
        <source>Copied from elsewhere (unverified)</source>
        <translation>Copiées d’ailleurs (non vérifiées)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="122" />
        <source>Imported from LinkedIn. Nobody signed them, so Skiller cannot prove who gave them: they are not counted and others do not see them as endorsements.</source>
        <translation>Importées de LinkedIn. Personne ne les a signées, Skiller ne peut donc pas prouver qui les a données : elles ne sont pas comptées et les autres ne les voient pas comme des recommandations.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="128" />
        <source>Unverified endorsements</source>
        <translation>Recommandations non vérifiées</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="130" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="130" />
        <source>Endorsed by</source>
        <translation>Recommandé par</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="285" />
        <source>You already endorse every skill %1 lists.</source>
        <translation>Vous recommandez déjà toutes les compétences que %1 indique.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="322" />
        <source>You have not endorsed anyone yet. Find someone whose work you know on People, then Endorse.</source>
        <translation>Vous n’avez encore recommandé personne. Cherchez dans Personnes quelqu’un dont vous connaissez le travail, puis Recommander.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="381" />
        <source>%n new endorsement(s) since you last looked</source>
        <translation><numerusform>%n nouvelle recommandation depuis votre dernière visite</numerusform><numerusform>%n nouvelles recommandations depuis votre dernière visite</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="73" />
        <location filename="../../ui/screens/endorsements.py" line="130" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="148" />
        <source>Unverified</source>
        <translation>Non vérifiée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="151" />
        <source>Copied from %1; not signed, not counted</source>
        <translation>Copiée de %1 ; non signée, non comptée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="177" />
        <source>%n new since you last looked</source>
        <translation><numerusform>%n nouvelle depuis votre dernière visite</numerusform><numerusform>%n nouvelles depuis votre dernière visite</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="184" />
        <source>%n new endorsement(s) since you last looked, in bold.</source>
        <translation><numerusform>%n nouvelle recommandation depuis votre dernière visite, en gras.</numerusform><numerusform>%n nouvelles recommandations depuis votre dernière visite, en gras.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="186" />
        <source>%n new</source>
        <translation><numerusform>%n nouvelle</numerusform><numerusform>%n nouvelles</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="207" />
        <source>Thanked</source>
        <translation>Remerciée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="205" />
        <source>Hidden</source>
        <translation>Masquée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="90" />
        <source>Send a signed thank-you the endorser sees on their side (Enter)</source>
        <translation>Envoyer un remerciement signé, que l’auteur de la recommandation verra de son côté (Entrée)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="205" />
        <source>Shown</source>
        <translation>Affichée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="219" />
        <location filename="../../ui/screens/endorsements.py" line="221" />
        <source>New since you last looked</source>
        <translation>Nouvelle depuis votre dernière visite</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="230" />
        <source>Thanked on %1</source>
        <translation>Remerciée le %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="233" />
        <source>Hidden from my profile</source>
        <translation>Masquée de mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="234" />
        <source>Shown on my profile</source>
        <translation>Affichée sur mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="254" />
        <source>Thank %1 for endorsing %2. Your message (optional; they see it):</source>
        <translation>Remercier %1 pour sa recommandation en %2. Votre message (facultatif ; cette personne le verra) :</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="255" />
        <source>this person</source>
        <translation>cette personne</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="256" />
        <source>Thank</source>
        <translation>Remercier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="280" />
        <source>This person</source>
        <translation>Cette personne</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="284" />
        <source>%1 has no skills in their portfolio yet, so there is nothing to endorse.</source>
        <translation>%1 n’a pas encore de compétences dans son portfolio : rien à recommander pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="309" />
        <source>Endorsements given</source>
        <translation>Recommandations données</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="314" />
        <source>&amp;Revoke…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="346" />
        <source>Revoke your endorsement of %1 for %2? Everyone you sync with will see it revoked.</source>
        <translation>Retirer votre recommandation de %1 pour %2 ? Toutes les personnes avec qui vous synchronisez la verront retirée.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/endorsements.py" line="347" />
        <source>Revoke endorsement</source>
        <translation>Retirer la recommandation</translation>
    </message>
</context>
<context>
    <name>ExchangeScreen</name>
    <message>
        <location filename="../../ui/screens/exchange.py" line="89" />
        <source>Exchange</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="92" />
        <location filename="../../ui/screens/exchange.py" line="93" />
        <source>Filter by skill</source>
        <translation>Filtrer par compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="99" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="100" />
        <location filename="../../ui/screens/exchange.py" line="120" />
        <source>Offers and requests</source>
        <translation>Offres et demandes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="101" />
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="102" />
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="105" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="106" />
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="107" />
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="108" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="109" />
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="111" />
        <source>&amp;Post…</source>
        <translation>&amp;Publier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="130" />
        <source>Post details</source>
        <translation>Détail de l’annonce</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="132" />
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="133" />
        <source>Write an answer…</source>
        <translation>Écrire une réponse…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="139" />
        <source>&amp;Answer</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="141" />
        <source>Mark &amp;done…</source>
        <translation>Marquer comme &amp;terminé…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="143" />
        <source>&amp;Close post</source>
        <translation>&amp;Clore l’annonce</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="199" />
        <source>Nobody has answered yet</source>
        <translation>Personne n’a encore répondu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="203" />
        <source>Select a post to read it and answer.</source>
        <translation>Choisissez une annonce pour la lire et y répondre.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="207" />
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="207" />
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="213" />
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="213" />
        <source>No answers yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="220" />
        <source>Done — recognition given.</source>
        <translation>Terminé — remerciement donné.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="253" />
        <source>Close post</source>
        <translation>Clore l’annonce</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="254" />
        <source>Close “%s”? Nobody will be able to answer it.</source>
        <translation>Clore « %s » ? Plus personne ne pourra y répondre.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="56" />
        <source>Welcome to Skiller</source>
        <translation>Bienvenue dans Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="62" />
        <location filename="../../ui/first_run.py" line="93" />
        <source>Create my profile</source>
        <translation>Créer mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="63" />
        <source>Restore from phrase</source>
        <translation>Restaurer avec la phrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64" />
        <source>Import from another device</source>
        <translation>Importer depuis un autre appareil</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="65" />
        <source>Skiller keeps your skills portfolio on this computer and shares it with the people you sync with. Start by creating your profile.</source>
        <translation>Skiller garde votre portfolio de compétences sur cet ordinateur et le partage avec les personnes avec qui vous synchronisez. Commencez par créer votre profil.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83" />
        <location filename="../../ui/first_run.py" line="272" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="84" />
        <source>Your name as others will see it</source>
        <translation>Votre nom tel que les autres le verront</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="86" />
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87" />
        <source>e.g. Freelance web developer</source>
        <translation>p. ex. Développeuse web indépendante</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="96" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="98" />
        <source>&amp;Headline</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="123" />
        <source>Your recovery phrase</source>
        <translation>Votre phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="125" />
        <source>Write these words down, print them or save them to a file, and keep them somewhere safe. They are the only way to get your profile back if you lose this computer. Anyone who has them can act as you.</source>
        <translation>Notez ces mots, imprimez-les ou enregistrez-les dans un fichier, et gardez-les en lieu sûr. Ils sont le seul moyen de retrouver votre profil si vous perdez cet ordinateur. Quiconque les possède peut agir en votre nom.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="134" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="136" />
        <source>Save to a &amp;file…</source>
        <translation>Enregistrer dans un &amp;fichier…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="146" />
        <source>I have written down, printed or saved my recovery phrase</source>
        <translation>J’ai noté, imprimé ou enregistré ma phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="132" />
        <location filename="../../ui/first_run.py" line="268" />
        <source>Recovery phrase</source>
        <translation>Phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="147" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="163" />
        <source>Skiller recovery phrase</source>
        <translation>Phrase de récupération Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="164" />
        <source>Name: %1</source>
        <translation>Nom : %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="165" />
        <source>Person id: %1</source>
        <translation>Identifiant : %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="167" />
        <source>Keep this safe and private: these words restore your profile, and anyone who has them can act as you.</source>
        <translation>Gardez ceci en lieu sûr et privé : ces mots restaurent votre profil, et quiconque les possède peut agir en votre nom.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="182" />
        <source>Sent to the printer.</source>
        <translation>Envoyé à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="186" />
        <source>Save the recovery phrase</source>
        <translation>Enregistrer la phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="187" />
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="193" />
        <source>Could not save the file: %1</source>
        <translation>Impossible d’enregistrer le fichier : %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="195" />
        <source>Saved to %1. Keep the file somewhere only you can reach, or print it and delete it.</source>
        <translation>Enregistré dans %1. Gardez le fichier là où vous seul pouvez y accéder, ou imprimez-le puis supprimez-le.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="206" />
        <source>Check your recovery phrase</source>
        <translation>Vérifiez votre phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="220" />
        <source>&amp;Back to the phrase</source>
        <translation>&amp;Revenir à la phrase</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="222" />
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="240" />
        <source>To be sure your copy is right, type words %1, %2 and %3 of your phrase.</source>
        <translation>Pour vous assurer que votre copie est juste, tapez les mots n° %1, %2 et %3 de votre phrase.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="245" />
        <source>Word %1</source>
        <translation>Mot n° %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/first_run.py" line="259" />
        <source>Word %1 does not match your phrase. Look at your copy again, or go back to the phrase.</source>
        <translation><numerusform>Le mot n° %1 ne correspond pas à votre phrase. Relisez votre copie, ou revenez à la phrase.</numerusform><numerusform>Les mots n° %1 ne correspondent pas à votre phrase. Relisez votre copie, ou revenez à la phrase.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="275" />
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="279" />
        <source>Your Skiller recovery phrase is your key itself, in the words of any BIP-39 list (English, French, Chinese…). Do not type a cryptocurrency wallet's phrase here: it would become the key of another, new identity, not yours.</source>
        <translation>Votre phrase de récupération Skiller est votre clé elle-même, écrite avec les mots de n’importe quelle liste BIP-39 (anglais, français, chinois…). Ne tapez pas ici la phrase d’un portefeuille de cryptomonnaie : elle deviendrait la clé d’une autre identité, nouvelle, pas la vôtre.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="285" />
        <source>Recovery &amp;phrase</source>
        <translation>&amp;Phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="286" />
        <source>Na&amp;me (if this device has no copy)</source>
        <translation>No&amp;m (si cet appareil n’a pas de copie)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="313" />
        <location filename="../../ui/first_run.py" line="332" />
        <source>Identity file</source>
        <translation>Fichier d’identité</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="314" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="320" />
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="323" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="325" />
        <source>Identity &amp;file</source>
        <translation>&amp;Fichier d’identité</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="326" />
        <source>Pass&amp;phrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="332" />
        <source>Skiller identity (*.skid);;All files (*)</source>
        <translation>Identité Skiller (*.skid);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <location filename="../../ui/checklist.py" line="32" />
        <source>Getting started</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="36" />
        <source>Add your skills</source>
        <translation>Ajoutez vos compétences</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="36" />
        <source>Add a skill…</source>
        <translation>Ajouter une compétence…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="37" />
        <source>Import your LinkedIn data or a résumé</source>
        <translation>Importez vos données LinkedIn ou un CV</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="37" />
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="38" />
        <source>Connect with someone: send your invitation link, or open theirs</source>
        <translation>Entrez en contact : envoyez votre lien d’invitation, ou ouvrez le sien</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="39" />
        <source>Invite…</source>
        <translation>Inviter…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="40" />
        <source>Endorse someone whose work you know</source>
        <translation>Recommandez quelqu’un dont vous connaissez le travail</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="40" />
        <source>Find people…</source>
        <translation>Chercher des personnes…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="54" />
        <source>LinkedIn export…</source>
        <translation>Export LinkedIn…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="55" />
        <source>JSON Resume…</source>
        <translation>CV JSON Resume…</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="71" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="71" />
        <source>To do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>GivenEndorsementsModel</name>
    <message>
        <location filename="../../ui/models.py" line="242" />
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242" />
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="242" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="245" />
        <source>Revoked</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="245" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>GivenModel</name>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="32" />
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="32" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="32" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="33" />
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="32" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="32" />
        <source>Level observed</source>
        <translation>Niveau constaté</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="33" />
        <source>Thanks</source>
        <translation>Remerciements</translation>
    </message>
    <message>
        <location filename="../../ui/endorsement_rows.py" line="44" />
        <source>Thanked on %1</source>
        <translation>Remerciée le %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help.py" line="63" />
        <source>Skiller user guide</source>
        <translation>Guide d’utilisation de Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="66" />
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="71" />
        <source>The user guide is missing from this installation.</source>
        <translation>Le guide d’utilisation manque dans cette installation.</translation>
    </message>
</context>
<context>
    <name>Interop</name>
    <message>
        <location filename="../../ui/interop.py" line="92" />
        <source>Import JSON Resume</source>
        <translation>Importer un JSON Resume</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="93" />
        <source>JSON Resume (*.json);;All files (*)</source>
        <translation>JSON Resume (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="96" />
        <source>Importing your résumé…</source>
        <translation>Import de votre CV…</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="101" />
        <source>Import LinkedIn export</source>
        <translation>Importer un export LinkedIn</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="102" />
        <source>LinkedIn export (*.zip *.csv);;All files (*)</source>
        <translation>Export LinkedIn (*.zip *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="108" />
        <source>Importing your LinkedIn data…</source>
        <translation>Import de vos données LinkedIn…</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="114" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="129" />
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="129" />
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="131" />
        <source>Import report</source>
        <translation>Compte rendu de l’import</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="138" />
        <source>%1 of %2 items</source>
        <translation>%1 éléments sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="143" />
        <source>Nothing new: everything in this file is already in Skiller.</source>
        <translation>Rien de nouveau : tout ce que contient ce fichier est déjà dans Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="145" />
        <source>New skills: %1; skills with new keywords: %2.</source>
        <translation>Nouvelles compétences : %1 ; compétences avec de nouveaux mots-clés : %2.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="147" />
        <source>Positions: %1; projects: %2; certificates: %3.</source>
        <translation>Postes : %1 ; projets : %2 ; certificats : %3.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="151" />
        <source>Endorsements copied, shown as unverified and never counted: %1.</source>
        <translation>Recommandations copiées, affichées comme non vérifiées et jamais comptées : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="155" />
        <source>Empty profile fields filled: %1.</source>
        <translation>Champs vides du profil remplis : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="157" />
        <source>Texts shortened to fit: %1.</source>
        <translation>Textes raccourcis pour tenir : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="162" />
        <source>Export as JSON Resume</source>
        <translation>Exporter en JSON Resume</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="163" />
        <source>JSON Resume (*.json)</source>
        <translation>JSON Resume (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="166" />
        <location filename="../../ui/interop.py" line="174" />
        <location filename="../../ui/interop.py" line="184" />
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="170" />
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="170" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="177" />
        <source>Export credentials into a folder</source>
        <translation>Exporter les attestations dans un dossier</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="184" />
        <source>No credential was exported.</source>
        <translation>Aucune attestation n’a été exportée.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="188" />
        <source>You have not received any endorsement yet: there is nothing to export.</source>
        <translation>Vous n’avez encore reçu aucune recommandation : il n’y a rien à exporter.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="190" />
        <source>Credentials written: %1, into %2.</source>
        <translation>Attestations écrites : %1, dans %2.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="193" />
        <source>Left out: %1 (see below why).</source>
        <translation>Laissées de côté : %1 (voir pourquoi ci-dessous).</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="194" />
        <source>Credentials exported</source>
        <translation>Attestations exportées</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="194" />
        <source>Left out</source>
        <translation>Laissées de côté</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="198" />
        <source>The file was not written.</source>
        <translation>Le fichier n’a pas été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="200" />
        <source>Exported to %1</source>
        <translation>Exporté dans %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="204" />
        <location filename="../../ui/interop.py" line="221" />
        <source>Verify a credential</source>
        <translation>Vérifier une attestation</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="205" />
        <source>Credentials (*.jwt);;All files (*)</source>
        <translation>Attestations (*.jwt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="219" />
        <source>This file is not a valid credential: its signature does not match its contents.</source>
        <translation>Ce fichier n’est pas une attestation valide : sa signature ne correspond pas à son contenu.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="220" />
        <source>The file could not be checked.</source>
        <translation>Le fichier n’a pas pu être vérifié.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="224" />
        <source>Credential verified</source>
        <translation>Attestation vérifiée</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="229" />
        <source>The signature is valid.</source>
        <translation>La signature est valide.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="230" />
        <source>Endorsed by: %1</source>
        <translation>Recommandé par : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="231" />
        <source>Endorsed person: %1</source>
        <translation>Personne recommandée : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="233" />
        <source>Skill: %1</source>
        <translation>Compétence : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="235" />
        <source>Vocabulary concept: %1</source>
        <translation>Concept du vocabulaire : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="237" />
        <source>Level observed: %1/5</source>
        <translation>Niveau constaté : %1/5</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="239" />
        <source>Issued: %1</source>
        <translation>Émise le : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="241" />
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="244" />
        <source>Not in this credential: %1</source>
        <translation>Absent de cette attestation : %1</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="249" />
        <source>the endorser's name</source>
        <translation>le nom de la personne qui recommande</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="249" />
        <source>the skill</source>
        <translation>la compétence</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="250" />
        <source>a comment</source>
        <translation>un commentaire</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="250" />
        <source>the date of issue</source>
        <translation>la date d’émission</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="256" />
        <source>Revoked by the endorser on %1: do not rely on it.</source>
        <translation>Révoquée par son auteur le %1 : ne vous y fiez pas.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="259" />
        <source>Not revoked, as far as this device knows.</source>
        <translation>Non révoquée, à la connaissance de cet appareil.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="261" />
        <source>Revocation not checked: the endorser's document on this device does not hold this endorsement yet. Sync, then verify again.</source>
        <translation>Révocation non vérifiée : le document de la personne qui recommande, sur cet appareil, ne contient pas encore cette recommandation. Synchronisez, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/interop.py" line="263" />
        <source>Revocation not checked (offline): this device has not seen the endorser's document. Sync, then verify again.</source>
        <translation>Révocation non vérifiée (hors ligne) : cet appareil n’a pas vu le document de la personne qui recommande. Synchronisez, puis vérifiez à nouveau.</translation>
    </message>
</context>
<context>
    <name>InvitationsModel</name>
    <message>
        <location filename="../../ui/team_models.py" line="115" />
        <source>Invited</source>
        <translation>Invité·e</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="115" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="115" />
        <source>Works until</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="118" />
        <source>Anyone with the code</source>
        <translation>Quiconque a le code</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="119" />
        <source>Until withdrawn</source>
        <translation>Jusqu’à son retrait</translation>
    </message>
</context>
<context>
    <name>InviteActions</name>
    <message>
        <location filename="../../ui/invite_actions.py" line="43" />
        <source>&amp;Invite someone…</source>
        <translation>&amp;Inviter quelqu’un…</translation>
    </message>
    <message>
        <location filename="../../ui/invite_actions.py" line="44" />
        <source>&amp;Open an invitation link…</source>
        <translation>&amp;Ouvrir un lien d’invitation…</translation>
    </message>
    <message>
        <location filename="../../ui/invite_actions.py" line="73" />
        <source>The clipboard holds no Skiller invitation link.</source>
        <translation>Le presse-papiers ne contient pas de lien d’invitation Skiller.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../ui/invite.py" line="154" />
        <source>Invite someone</source>
        <translation>Inviter quelqu’un</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="158" />
        <source>Send this link, or let them scan the code. When they open it in Skiller, their app finds you through the relay and shows your profile.</source>
        <translation>Envoyez ce lien, ou faites scanner le code. Quand la personne l’ouvre dans Skiller, son application vous trouve par le relais et affiche votre profil.</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="162" />
        <source>To invite someone, you both need a relay to reach. Run one for your team here, or add one in Settings › Relays.</source>
        <translation>Pour inviter quelqu’un, il vous faut un relais que vous joignez tous les deux. Lancez-en un pour votre équipe ici, ou ajoutez-en un dans Paramètres › Relais.</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="165" />
        <source>&amp;Run a relay for my team</source>
        <translation>&amp;Lancer un relais pour mon équipe</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="172" />
        <source>Invitation link</source>
        <translation>Lien d’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="173" />
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="178" />
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="180" />
        <source>Also invite to a team</source>
        <translation>Inviter aussi dans une équipe</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="181" />
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="184" />
        <source>Also invite to</source>
        <translation>Inviter aussi dans</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="192" />
        <source>This link only reaches this computer: the relay has no address on your network. Connect to a network, or add a relay in Settings.</source>
        <translation>Ce lien ne mène qu’à cet ordinateur : le relais n’a pas d’adresse sur votre réseau. Connectez-vous à un réseau, ou ajoutez un relais dans les Réglages.</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="199" />
        <source>QR code of the link</source>
        <translation>Code QR du lien</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="207" />
        <source>&amp;Save QR code…</source>
        <translation>&amp;Enregistrer le code QR…</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="259" />
        <source>The relay could not start: %1</source>
        <translation>Le relais n’a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="298" />
        <source>The link is copied.</source>
        <translation>Le lien est copié.</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="311" />
        <source>Save the QR code</source>
        <translation>Enregistrer le code QR</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="312" />
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/invite.py" line="320" />
        <source>The QR code is saved.</source>
        <translation>Le code QR est enregistré.</translation>
    </message>
</context>
<context>
    <name>LanBox</name>
    <message>
        <location filename="../../ui/lan.py" line="138" />
        <source>Local network</source>
        <translation>Réseau local</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="140" />
        <source>&amp;Visible on my local network</source>
        <translation>&amp;Visible sur mon réseau local</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="141" />
        <source>Visible on my local network</source>
        <translation>Visible sur mon réseau local</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="147" />
        <source>Announces this device and accepts connections from peers on your local network. When it is off, no port is open and nothing is announced; you still sync with the peers and relays you added.</source>
        <translation>Annonce cet appareil et accepte les connexions des pairs sur votre réseau local. Désactivé, aucun port n’est ouvert et rien n’est annoncé ; la synchronisation continue avec les pairs et relais que vous avez ajoutés.</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="166" />
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="168" />
        <source>Hidden: this device is not announced and accepts no connections.</source>
        <translation>Masqué : cet appareil n’est pas annoncé et n’accepte aucune connexion.</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="170" />
        <source>Visible, but not serving right now: see the Sync screen.</source>
        <translation>Visible, mais ne sert pas en ce moment : voir l’écran Synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="171" />
        <source>Visible at %1.</source>
        <translation>Visible à l’adresse %1.</translation>
    </message>
    <message>
        <location filename="../../ui/lan.py" line="172" />
        <source>Announced on your local network.</source>
        <translation>Annoncé sur votre réseau local.</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../../ui/level_legend.py" line="22" />
        <source>beginner</source>
        <translation>débutant</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="23" />
        <source>elementary</source>
        <translation>élémentaire</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="24" />
        <source>intermediate</source>
        <translation>intermédiaire</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="25" />
        <source>advanced</source>
        <translation>avancé</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="26" />
        <source>expert</source>
        <translation>expert</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="44" />
        <source>Levels:</source>
        <translation>Niveaux :</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="60" />
        <source>Level legend</source>
        <translation>Légende des niveaux</translation>
    </message>
    <message>
        <location filename="../../ui/level_legend.py" line="70" />
        <source>Not said</source>
        <translation>Non précisé</translation>
    </message>
</context>
<context>
    <name>LinkSuggestions</name>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="43" />
        <source>Undo link</source>
        <translation>Annuler le lien</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="50" />
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="53" />
        <source>Concept to link</source>
        <translation>Concept à lier</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="81" />
        <source>“%1” is in the shared skills vocabulary: link it so endorsements and searches in either language count together.</source>
        <translation>« %1 » fait partie du vocabulaire commun des compétences : liez-la pour que les recommandations et les recherches, dans les deux langues, comptent ensemble.</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="83" />
        <source>“%1” names several concepts of the vocabulary: choose the one you mean.</source>
        <translation>« %1 » désigne plusieurs concepts du vocabulaire : choisissez celui que vous voulez dire.</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="89" />
        <source>Link “%1”</source>
        <translation>Lier « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/concept_suggestions.py" line="104" />
        <source>“%1” is linked to the vocabulary.</source>
        <translation>« %1 » est liée au vocabulaire.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>Skiller</source>
        <translation>Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>My profile</source>
        <translation>Mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Exchange</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>&amp;Import profiles…</source>
        <translation>&amp;Importer des profils…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>&amp;Export my profile…</source>
        <translation>&amp;Exporter mon profil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>Import &amp;JSON Resume…</source>
        <translation>Importer un &amp;JSON Resume…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>Import &amp;LinkedIn export…</source>
        <translation>Importer un export &amp;LinkedIn…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>Export as JSON &amp;Resume…</source>
        <translation>Exporter en JSON &amp;Resume…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>Export as &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145" />
        <source>Export &amp;credentials…</source>
        <translation>Exporter les &amp;attestations…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>&amp;Verify a credential…</source>
        <translation>&amp;Vérifier une attestation…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>&amp;New skill…</source>
        <translation>&amp;Nouvelle compétence…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>&amp;Find people</source>
        <translation>&amp;Chercher des personnes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>&amp;Post an offer or request…</source>
        <translation>&amp;Publier une offre ou une demande…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>New &amp;team…</source>
        <translation>Nouvelle é&amp;quipe…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156" />
        <source>&amp;Join a team…</source>
        <translation>&amp;Rejoindre une équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>User &amp;guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>&amp;About Skiller</source>
        <translation>À &amp;propos de Skiller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>LAN: …</source>
        <translation>Réseau local : …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>LAN: hidden</source>
        <translation>Réseau local : masqué</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>Not visible on your local network (Settings)</source>
        <translation>Non visible sur votre réseau local (Réglages)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <source>LAN: visible</source>
        <translation>Réseau local : visible</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223" />
        <source>Local network</source>
        <translation>Réseau local</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Import profiles</source>
        <translation>Importer des profils</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Skiller bundles (*.skb);;All files (*)</source>
        <translation>Paquets Skiller (*.skb);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264" />
        <source>Importing and checking signatures…</source>
        <translation>Import et vérification des signatures…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276" />
        <source>Imported %1 profile(s), %2 new or updated.</source>
        <translation>%1 profil(s) importé(s), %2 nouveau(x) ou mis à jour.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282" />
        <source>Export my profile</source>
        <translation>Exporter mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283" />
        <source>Skiller bundles (*.skb)</source>
        <translation>Paquets Skiller (*.skb)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287" />
        <source>Your profile was exported.</source>
        <translation>Votre profil a été exporté.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318" />
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318" />
        <source>● Syncing…</source>
        <translation>● Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319" />
        <source>▲ %1 of %2 not syncing</source>
        <translation>▲ Synchro en échec : %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <source>○ Offline</source>
        <translation>○ Hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323" />
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="326" />
        <source>%n peer(s) reachable</source>
        <translation><numerusform>%n pair joignable</numerusform><numerusform>%n pairs joignables</numerusform></translation>
    </message>
</context>
<context>
    <name>MatchingModel</name>
    <message>
        <location filename="../../ui/team_models.py" line="169" />
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="169" />
        <source>Candidate</source>
        <translation>Candidat</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="169" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="169" />
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="195" />
        <source>Nobody known has this skill yet</source>
        <translation>Personne de connu n’a encore cette compétence</translation>
    </message>
</context>
<context>
    <name>MatchingTab</name>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="561" />
        <source>Candidates for open needs</source>
        <translation>Candidats pour les besoins ouverts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="567" />
        <source>No open needs: add one in “Needs” to see who could fill it.</source>
        <translation>Aucun besoin ouvert : ajoutez-en un dans « Besoins » pour voir qui pourrait y répondre.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="570" />
        <source>&amp;Filled by this person</source>
        <translation>&amp;Pourvu par cette personne</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../ui/team_models.py" line="254" />
        <source>meets the %1 wanted</source>
        <translation>atteint le %1 voulu</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="254" />
        <source>below the %1 wanted</source>
        <translation>sous le %1 voulu</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="265" />
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="273" />
        <source>Gap: the team needs level %1 and no member has it</source>
        <translation>Manque : l’équipe a besoin du niveau %1 et aucun membre ne l’a</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="276" />
        <source>The team needs level %1</source>
        <translation>L’équipe a besoin du niveau %1</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="249" />
        <source>%1 does not list %2</source>
        <translation>%1 n’indique pas %2</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="434" />
        <source>Only these skills, e.g. Python, SQL</source>
        <translation>Seulement ces compétences, p. ex. Python, SQL</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="435" />
        <source>Filter by skill</source>
        <translation>Filtrer par compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="439" />
        <source>Any level</source>
        <translation>Tout niveau</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="440" />
        <source>Level ≥ </source>
        <translation>Niveau ≥ </translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="441" />
        <source>Minimum level</source>
        <translation>Niveau minimum</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="442" />
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="457" />
        <source>Each cell: level · endorsements. Click a column title to sort.</source>
        <translation>Chaque case : niveau · recommandations. Cliquez sur un titre de colonne pour trier.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="465" />
        <source>Skill matrix</source>
        <translation>Matrice des compétences</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="484" />
        <source>meets the level wanted</source>
        <translation>atteint le niveau voulu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="484" />
        <source>below the level wanted</source>
        <translation>sous le niveau voulu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="485" />
        <source>gap: needed, and nobody has the level</source>
        <translation>manque : requis, et personne n’a le niveau</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="506" />
        <source>%1 (needs %2, best %3)</source>
        <translation>%1 (besoin %2, meilleur %3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="508" />
        <source>⚠ Gaps — needed, and no member has the level: %1</source>
        <translation>⚠ Manques — requis, et aucun membre n’a le niveau : %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="536" />
        <source>Export the skill matrix</source>
        <translation>Exporter la matrice des compétences</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="537" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="543" />
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../ui/team_models.py" line="103" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="103" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="103" />
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="103" />
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="126" />
        <source>Team members</source>
        <translation>Membres de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="129" />
        <location filename="../../ui/screens/team_tabs.py" line="249" />
        <source>Make &amp;admin</source>
        <translation>Nommer &amp;administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="131" />
        <source>&amp;Remove from team…</source>
        <translation>&amp;Retirer de l’équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="150" />
        <source>Invite someone to the team</source>
        <translation>Inviter quelqu’un dans l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="153" />
        <source>Find someone you know by name or skill…</source>
        <translation>Cherchez une personne connue par nom ou compétence…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="154" />
        <source>Person to invite</source>
        <translation>Personne à inviter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="162" />
        <source>Role of the newcomer</source>
        <translation>Rôle du nouveau venu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="163" />
        <source>as member</source>
        <translation>comme membre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="164" />
        <source>as admin</source>
        <translation>comme administrateur</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="165" />
        <source>&amp;Invite</source>
        <translation>&amp;Inviter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="167" />
        <source>People you can invite</source>
        <translation>Personnes que vous pouvez inviter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="178" />
        <source>Generate an invitation &amp;code</source>
        <translation>Créer un &amp;code d’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="182" />
        <source>Invitation code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="183" />
        <source>A code for someone not on your network yet</source>
        <translation>Un code pour une personne hors de votre réseau</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="184" />
        <source>Cop&amp;y</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="196" />
        <source>Open invitations</source>
        <translation>Invitations en attente</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="200" />
        <source>&amp;Withdraw invitation</source>
        <translation>Re&amp;tirer l’invitation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/team_tabs.py" line="230" />
        <source>%n invitation(s) waiting for an answer</source>
        <translation><numerusform>%n invitation en attente de réponse</numerusform><numerusform>%n invitations en attente de réponse</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="249" />
        <source>Make &amp;member</source>
        <translation>Rendre &amp;membre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="268" />
        <source>Choose the person to invite in the list.</source>
        <translation>Choisissez dans la liste la personne à inviter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="272" />
        <source>%1 is invited. They join once they accept and their answer reaches you.</source>
        <translation>%1 est invité·e. Cette personne rejoindra l’équipe quand elle aura accepté et que sa réponse vous parviendra.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/team_tabs.py" line="285" />
        <source>Works once, for %n day(s); withdraw it below if it goes astray.</source>
        <translation><numerusform>Valable une fois, pendant %n jour ; retirez-le ci-dessous s’il s’égare.</numerusform><numerusform>Valable une fois, pendant %n jours ; retirez-le ci-dessous s’il s’égare.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="310" />
        <source>Invitation withdrawn: it can no longer be used to join.</source>
        <translation>Invitation retirée : elle ne permet plus de rejoindre l’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="328" />
        <source>Remove %1 from “%2”? A removal is final: they cannot be invited again.</source>
        <translation>Retirer %1 de « %2 » ? Un retrait est définitif : cette personne ne pourra plus être invitée.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="330" />
        <source>Remove member</source>
        <translation>Retirer un membre</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/concept_merge.py" line="23" />
        <source>Merge “%1”</source>
        <translation>Fusionner « %1 »</translation>
    </message>
    <message>
        <location filename="../../ui/concept_merge.py" line="25" />
        <source>“%1” will be merged into the skill you choose: it keeps the higher level and years, both descriptions, keywords and evidence; “%1” becomes one of its keywords.</source>
        <translation>« %1 » sera fusionnée avec la compétence choisie : celle-ci garde le niveau et les années les plus élevés, les deux descriptions, mots-clés et preuves ; « %1 » devient l’un de ses mots-clés.</translation>
    </message>
    <message>
        <location filename="../../ui/concept_merge.py" line="35" />
        <source>&amp;Into</source>
        <translation>&amp;Dans</translation>
    </message>
    <message>
        <location filename="../../ui/concept_merge.py" line="35" />
        <source>Skill to merge into</source>
        <translation>Compétence où fusionner</translation>
    </message>
    <message>
        <location filename="../../ui/concept_merge.py" line="36" />
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
</context>
<context>
    <name>NeedsModel</name>
    <message>
        <location filename="../../ui/team_models.py" line="125" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="125" />
        <source>Level wanted</source>
        <translation>Niveau voulu</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="125" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="125" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="125" />
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="130" />
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location filename="../../ui/team_models.py" line="130" />
        <source>Filled</source>
        <translation>Pourvu</translation>
    </message>
</context>
<context>
    <name>NeedsTab</name>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="348" />
        <source>Skill, e.g. Python</source>
        <translation>Compétence, p. ex. Python</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="349" />
        <source>Skill needed</source>
        <translation>Compétence recherchée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="354" />
        <source>Level </source>
        <translation>Niveau </translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="355" />
        <source>Level wanted</source>
        <translation>Niveau voulu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="357" />
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="358" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="359" />
        <source>Add &amp;need</source>
        <translation>Ajouter un &amp;besoin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="373" />
        <source>From a &amp;role…</source>
        <translation>D’un &amp;rôle…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="379" />
        <source>Team needs</source>
        <translation>Besoins de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/team_tabs.py" line="382" />
        <source>&amp;Mark filled</source>
        <translation>&amp;Marquer pourvu</translation>
    </message>
</context>
<context>
    <name>OffersModel</name>
    <message>
        <location filename="../../ui/models.py" line="262" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="262" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="262" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="262" />
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="262" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="263" />
        <source>Posted</source>
        <translation>Publiée le</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="275" />
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="275" />
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="276" />
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="276" />
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="276" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="277" />
        <source>Closed</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OpenLinkDialog</name>
    <message>
        <location filename="../../ui/invite_open.py" line="88" />
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="102" />
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="112" />
        <source>&amp;Endorse a skill…</source>
        <translation>&amp;Recommander une compétence…</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="114" />
        <source>&amp;Join their team</source>
        <translation>&amp;Rejoindre son équipe</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="140" />
        <source>Invitation from %1</source>
        <translation>Invitation de %1</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="142" />
        <source>This is your own invitation link: send it to someone else.</source>
        <translation>C’est votre propre lien d’invitation : envoyez-le à quelqu’un d’autre.</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="144" />
        <source>Sync is not available in this version, so the link cannot be opened.</source>
        <translation>La synchronisation n’est pas disponible dans cette version : le lien ne peut pas être ouvert.</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="145" />
        <source>Checking the relay…</source>
        <translation>Vérification du relais…</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="165" />
        <source>The relay in this link cannot be used, so nothing was saved. %1</source>
        <translation>Le relais de ce lien n’est pas utilisable : rien n’a été enregistré. %1</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="169" />
        <source>Syncing with the relay…</source>
        <translation>Synchronisation avec le relais…</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="226" />
        <source>The relay is added, but this person is not on it yet: they may not have synced since. Skiller keeps syncing; they will appear in People.</source>
        <translation>Le relais est ajouté, mais cette personne n’y est pas encore : elle ne s’est peut-être pas synchronisée depuis. Skiller continue de synchroniser ; elle apparaîtra dans Personnes.</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="235" />
        <source>Found. You can endorse what you know of their work.</source>
        <translation>Trouvé. Vous pouvez recommander ce que vous connaissez de son travail.</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="260" />
        <source>Accepted. An admin’s device adds you when your answer reaches it.</source>
        <translation>Accepté. L’appareil d’un administrateur vous ajoute quand votre réponse lui parvient.</translation>
    </message>
</context>
<context>
    <name>PasteLinkDialog</name>
    <message>
        <location filename="../../ui/invite_open.py" line="58" />
        <source>Open an invitation link</source>
        <translation>Ouvrir un lien d’invitation</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="60" />
        <source>&amp;Paste the link someone sent you:</source>
        <translation>&amp;Collez le lien que l’on vous a envoyé :</translation>
    </message>
    <message>
        <location filename="../../ui/invite_open.py" line="62" />
        <source>Invitation link</source>
        <translation>Lien d’invitation</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/models.py" line="103" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="103" />
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="103" />
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="103" />
        <source>Matched skill</source>
        <translation>Compétence trouvée</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="103" />
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <location filename="../../ui/screens/people.py" line="85" />
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="88" />
        <source>Search names, headlines, places, skills… (Ctrl+F)</source>
        <translation>Chercher noms, titres, lieux, compétences… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="89" />
        <source>Search people</source>
        <translation>Chercher des personnes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="93" />
        <source>Skill, e.g. Python</source>
        <translation>Compétence, p. ex. Python</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="94" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="99" />
        <source>Any level</source>
        <translation>Tout niveau</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="100" />
        <source>Level ≥ </source>
        <translation>Niveau ≥ </translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="101" />
        <source>Minimum level</source>
        <translation>Niveau minimum</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="103" />
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="104" />
        <source>Any availability</source>
        <translation>Toute disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="121" />
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="134" />
        <location filename="../../ui/screens/people.py" line="149" />
        <source>&amp;Block…</source>
        <translation>&amp;Bloquer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="143" />
        <source>&amp;Endorse…</source>
        <translation>&amp;Recommander…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/people.py" line="146" />
        <source>Export as &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/people.py" line="243" />
        <source>%n person(s) found</source>
        <translation><numerusform>%n personne trouvée</numerusform><numerusform>%n personnes trouvées</numerusform></translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <location filename="../../ui/person_view.py" line="40" />
        <source>Profile preview</source>
        <translation>Aperçu du profil</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="44" />
        <source>Select a person to see their profile.</source>
        <translation>Choisissez une personne pour voir son profil.</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="68" />
        <source>Skills</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="68" />
        <source>No skills yet.</source>
        <translation>Pas encore de compétence.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/person_view.py" line="78" />
        <source>%n year(s)</source>
        <translation><numerusform>%n an</numerusform><numerusform>%n ans</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="104" />
        <source>Evidence:</source>
        <translation>Preuves :</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="110" />
        <source>Positions</source>
        <translation>Postes</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="110" />
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="128" />
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="128" />
        <source>No endorsements yet.</source>
        <translation>Pas encore de recommandation.</translation>
    </message>
    <message>
        <location filename="../../ui/person_view.py" line="135" />
        <source>observed level: %1</source>
        <translation>niveau constaté : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/person_view.py" line="143" />
        <source>%n endorsement(s)</source>
        <translation><numerusform>%n recommandation</numerusform><numerusform>%n recommandations</numerusform></translation>
    </message>
</context>
<context>
    <name>PortfolioScreen</name>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="211" />
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="215" />
        <source>My skills</source>
        <translation>Mes compétences</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="222" />
        <source>&amp;New skill…</source>
        <translation>&amp;Nouvelle compétence…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="223" />
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="224" />
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="226" />
        <source>Move &amp;up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="227" />
        <source>Move do&amp;wn</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="228" />
        <source>Mer&amp;ge into…</source>
        <translation>Fusi&amp;onner avec…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="246" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="257" />
        <source>No skills yet. Add the first one with “New skill” (Ctrl+N).</source>
        <translation>Aucune compétence pour l’instant. Ajoutez la première avec « Nouvelle compétence » (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="362" />
        <source>“%s” was removed from your portfolio.</source>
        <translation>« %s » a été supprimée de votre portfolio.</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../ui/screens/exchange.py" line="37" />
        <source>Post an offer or a request</source>
        <translation>Publier une offre ou une demande</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="39" />
        <source>I offer help</source>
        <translation>Je propose mon aide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="40" />
        <source>I am looking for help</source>
        <translation>Je cherche de l’aide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="41" />
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="41" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="42" />
        <source>&amp;Skill</source>
        <translation>&amp;Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="42" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="44" />
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="44" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="45" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="46" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/exchange.py" line="47" />
        <source>Post</source>
        <translation>Publier</translation>
    </message>
</context>
<context>
    <name>ProfileScreen</name>
    <message>
        <location filename="../../ui/screens/profile.py" line="49" />
        <source>My profile</source>
        <translation>Mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="57" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="57" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="58" />
        <source>&amp;Headline</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="58" />
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="59" />
        <source>&amp;Location</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="59" />
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="61" />
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="63" />
        <source>Not said</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="64" />
        <source>&amp;Availability</source>
        <translation>&amp;Disponibilité</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="65" />
        <source>Lan&amp;guages</source>
        <translation>Lan&amp;gues</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="65" />
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="66" />
        <source>Separated by commas, e.g. French, English</source>
        <translation>Séparées par des virgules, p. ex. français, anglais</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="68" />
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="71" />
        <source>A&amp;bout</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="73" />
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="75" />
        <source>One link per line</source>
        <translation>Un lien par ligne</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="77" />
        <source>Lin&amp;ks</source>
        <translation>Lie&amp;ns</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="83" />
        <source>&amp;Save profile</source>
        <translation>&amp;Enregistrer le profil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="92" />
        <source>How others see you</source>
        <translation>Ce que les autres voient</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="172" />
        <source>Your profile changed elsewhere; your unsaved edits were kept.</source>
        <translation>Votre profil a changé ailleurs ; vos modifications non enregistrées ont été conservées.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/profile.py" line="223" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>RelayCheck</name>
    <message>
        <location filename="../../ui/relay_check.py" line="58" />
        <source>✓ This is a Skiller relay.</source>
        <translation>✓ C’est bien un relais Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="59" />
        <source>This is not a relay address: one looks like https://relay.example.org.</source>
        <translation>Ce n’est pas une adresse de relais : elle ressemble à https://relais.exemple.org.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="61" />
        <source>Nothing answers at this address. Check it, and that the relay is running.</source>
        <translation>Rien ne répond à cette adresse. Vérifiez-la, et que le relais fonctionne.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="63" />
        <source>This address did not answer in time. Check your connection and try again.</source>
        <translation>Cette adresse n’a pas répondu à temps. Vérifiez votre connexion et réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="65" />
        <source>Something answers at this address, but it is not a Skiller relay.</source>
        <translation>Quelque chose répond à cette adresse, mais ce n’est pas un relais Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="67" />
        <source>This is a Skiller device, not a relay: add it as a peer on the Sync screen.</source>
        <translation>C’est un appareil Skiller, pas un relais : ajoutez-le comme pair dans l’écran Synchronisation.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="69" />
        <source>This relay needs a newer version of Skiller.</source>
        <translation>Ce relais demande une version plus récente de Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/relay_check.py" line="70" />
        <source>Checking this address…</source>
        <translation>Vérification de l’adresse…</translation>
    </message>
</context>
<context>
    <name>RelayHost</name>
    <message>
        <location filename="../../ui/invite.py" line="83" />
        <source>this device is hidden from your local network. Turn on “Visible on my local network” in Settings first.</source>
        <translation>cet appareil est masqué sur votre réseau local. Activez d’abord « Visible sur mon réseau local » dans les Réglages.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/interop.py" line="54" />
        <location filename="../../ui/interop.py" line="56" />
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/concept_role.py" line="33" />
        <source>Needs from a role</source>
        <translation>Besoins d’un rôle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="39" />
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="39" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="40" />
        <source>An occupation, e.g. web developer</source>
        <translation>Un métier, par ex. développeur web</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="49" />
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="49" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="49" />
        <source>Level wanted</source>
        <translation>Niveau voulu</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="50" />
        <source>Essential</source>
        <translation>Essentielle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="54" />
        <source>&amp;Skills</source>
        <translation>&amp;Compétences</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="54" />
        <source>Skills of the role</source>
        <translation>Compétences du rôle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="55" />
        <source>Add &amp;needs</source>
        <translation>Ajouter les &amp;besoins</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="118" />
        <source>essential</source>
        <translation>essentielle</translation>
    </message>
    <message>
        <location filename="../../ui/concept_role.py" line="118" />
        <source>optional</source>
        <translation>facultative</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="49" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="70" />
        <location filename="../../ui/screens/settings.py" line="73" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="78" />
        <source>&amp;Interface language</source>
        <translation>&amp;Langue de l’interface</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="89" />
        <location filename="../../ui/screens/settings.py" line="92" />
        <source>Relays</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="93" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="93" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="102" />
        <source>Relay address</source>
        <translation>Adresse du relais</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="103" />
        <source>Add &amp;relay</source>
        <translation>Ajouter le &amp;relais</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="128" />
        <location filename="../../ui/screens/settings.py" line="169" />
        <source>Run a relay for my &amp;team</source>
        <translation>Lancer un relais pour mon &amp;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="130" />
        <source>&amp;Invite someone…</source>
        <translation>&amp;Inviter quelqu’un…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="168" />
        <source>Stop the team &amp;relay</source>
        <translation>Arrêter le &amp;relais d’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="173" />
        <source>Starting the relay…</source>
        <translation>Démarrage du relais…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="175" />
        <source>Your team relay runs at %1. Devices on your network reach it there; it goes into your invitation links and stops when Skiller quits.</source>
        <translation>Votre relais d’équipe fonctionne à %1. Les appareils de votre réseau le joignent là ; il figure dans vos liens d’invitation et s’arrête quand vous quittez Skiller.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="178" />
        <source>The relay could not start: %1</source>
        <translation>Le relais n’a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="180" />
        <source>No server? Run a relay on this computer for the people on your network.</source>
        <translation>Pas de serveur ? Lancez un relais sur cet ordinateur pour les personnes de votre réseau.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="223" />
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="237" />
        <source>Where your data lives</source>
        <translation>Où sont vos données</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="242" />
        <location filename="../../ui/screens/settings.py" line="248" />
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="243" />
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="252" />
        <source>Identity and devices</source>
        <translation>Identité et appareils</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="256" />
        <location filename="../../ui/screens/settings.py" line="276" />
        <source>Your person id</source>
        <translation>Votre identifiant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="257" />
        <source>E&amp;xport identity for another device…</source>
        <translation>E&amp;xporter l’identité vers un autre appareil…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="264" />
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="265" />
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="265" />
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="265" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="271" />
        <source>Re&amp;voke device…</source>
        <translation>Ré&amp;voquer l’appareil…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="300" />
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="301" />
        <source>Revoked</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="301" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="315" />
        <location filename="../../ui/screens/settings.py" line="319" />
        <source>Export identity</source>
        <translation>Exporter l’identité</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="316" />
        <source>Skiller identity (*.skid)</source>
        <translation>Identité Skiller (*.skid)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="320" />
        <source>Choose a passphrase to protect the file:</source>
        <translation>Choisissez une phrase secrète pour protéger le fichier :</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="325" />
        <source>Saved. Open this file on your other device, in “Import from another device”.</source>
        <translation>Enregistré. Ouvrez ce fichier sur votre autre appareil, dans « Importer depuis un autre appareil ».</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="331" />
        <source>Revoke device</source>
        <translation>Révoquer l’appareil</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="332" />
        <source>Revoke “%s”? Its later changes will be refused.</source>
        <translation>Révoquer « %s » ? Ses modifications ultérieures seront refusées.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help.py" line="79" />
        <location filename="../../ui/help.py" line="83" />
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="84" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/help.py" line="84" />
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>SkillDialog</name>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="42" />
        <source>Edit skill</source>
        <translation>Modifier la compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="43" />
        <source>New skill</source>
        <translation>Nouvelle compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="46" />
        <source>Skill name</source>
        <translation>Nom de la compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="50" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="53" />
        <source>Years of practice</source>
        <translation>Années de pratique</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="55" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="62" />
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="58" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="58" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="58" />
        <location filename="../../ui/screens/portfolio.py" line="88" />
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="66" />
        <source>Add project</source>
        <translation>Ajouter un projet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="67" />
        <source>Add link</source>
        <translation>Ajouter un lien</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="68" />
        <source>Remove selected</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="46" />
        <source>&amp;Skill</source>
        <translation>&amp;Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="50" />
        <source>&amp;Level (1–5)</source>
        <translation>&amp;Niveau (1–5)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="53" />
        <source>&amp;Years</source>
        <translation>&amp;Années</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="54" />
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="62" />
        <source>E&amp;vidence</source>
        <translation>&amp;Preuves</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="74" />
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="87" />
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="107" />
        <source>Not a web address: links start with https:// or mailto:</source>
        <translation>Ce n’est pas une adresse web : un lien commence par https:// ou mailto:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/portfolio.py" line="123" />
        <source>“%1” is not a web address: write it like https://example.org/my-work (or mailto: for an e-mail).</source>
        <translation>« %1 » n’est pas une adresse web : écrivez-la comme https://example.org/mon-travail (ou mailto: pour un e-mail).</translation>
    </message>
</context>
<context>
    <name>SkillsModel</name>
    <message>
        <location filename="../../ui/models.py" line="209" />
        <source>Skill</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="209" />
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="209" />
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="209" />
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
</context>
<context>
    <name>StandingBar</name>
    <message>
        <location filename="../../ui/standing_view.py" line="55" />
        <source>Standing in %1</source>
        <translation>Reconnaissance en %1</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="56" />
        <source>Standing %1 of 100 in your network: %2 of %3 endorsements count</source>
        <translation>Reconnaissance %1 sur 100 dans votre réseau : %2 recommandations comptent sur %3</translation>
    </message>
</context>
<context>
    <name>StandingPanel</name>
    <message>
        <location filename="../../ui/standing_view.py" line="130" />
        <source>I know this person</source>
        <translation>Je connais cette personne</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="131" />
        <source>A public, signed statement in your profile: it syncs like your endorsements, and your trust flows to this person. You can take it back.</source>
        <translation>Une déclaration publique et signée dans votre profil : elle se synchronise comme vos recommandations, et votre confiance s’étend à cette personne. Vous pouvez la retirer.</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="134" />
        <source>Public and signed: it syncs with your profile, as endorsements do.</source>
        <translation>Public et signé : cela se synchronise avec votre profil, comme les recommandations.</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="137" />
        <source>Your network is empty, so no standing shows yet: endorse people or mark people you know, and their trust makes standings appear.</source>
        <translation>Votre réseau est vide, aucune reconnaissance ne s’affiche donc encore : recommandez des personnes ou indiquez celles que vous connaissez, et leur confiance fera apparaître les reconnaissances.</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="213" />
        <source>Standing out of 100 in your network; in brackets, every endorsement received.</source>
        <translation>Reconnaissance sur 100 dans votre réseau ; entre parenthèses, toutes les recommandations reçues.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/standing_view.py" line="229" />
        <source>%n endorsement(s)</source>
        <translation><numerusform>%n recommandation</numerusform><numerusform>%n recommandations</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="233" />
        <source>Why?</source>
        <translation>Pourquoi ?</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="234" />
        <source>Why this standing in %1</source>
        <translation>Pourquoi cette reconnaissance en %1</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="128" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="130" />
        <source>Skiller syncs with people on your local network and with the relays you add. Everything keeps working offline.</source>
        <translation>Skiller se synchronise avec les personnes de votre réseau local et avec les relais que vous ajoutez. Tout continue de fonctionner hors ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="141" />
        <source>Peers and relays</source>
        <translation>Pairs et relais</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="142" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="142" />
        <location filename="../../ui/sync_panel.py" line="175" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="142" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="143" />
        <source>Last synced</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="143" />
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="153" />
        <source>No peers yet. Add a relay or a peer by its address below.</source>
        <translation>Aucun pair pour l’instant. Ajoutez un relais ou un pair par son adresse ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="157" />
        <source>Sync in progress</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="164" />
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="165" />
        <source>Stop the syncs under way; what arrived is kept and they go on later.</source>
        <translation>Arrêter les synchronisations en cours ; ce qui est arrivé est conservé et elles reprendront plus tard.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="168" />
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="172" />
        <source>https://relay.example.org or 192.168.1.20:8765</source>
        <translation>https://relais.exemple.org ou 192.168.1.20:8765</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="173" />
        <source>Peer or relay address</source>
        <translation>Adresse du pair ou du relais</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="178" />
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="220" />
        <source>This device does not accept connections from peers right now.</source>
        <translation>Cet appareil n’accepte pas de connexions de pairs pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="222" />
        <source>Peers reach this device at %1.</source>
        <translation>Les pairs joignent cet appareil à l’adresse %1.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="224" />
        <source>It is announced on your local network.</source>
        <translation>Il est annoncé sur votre réseau local.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="226" />
        <source>It could not be announced on your local network: add it on the other device by its address.</source>
        <translation>Il n’a pas pu être annoncé sur votre réseau local : ajoutez-le sur l’autre appareil par son adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="308" />
        <source>Type the address of a relay or a peer.</source>
        <translation>Saisissez l’adresse d’un relais ou d’un pair.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="311" />
        <source>Sync is not available in this version; the address was not saved.</source>
        <translation>La synchronisation n’est pas disponible dans cette version ; l’adresse n’a pas été enregistrée.</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../ui/sync_panel.py" line="102" />
        <source>Syncing… %1 of %2 changes</source>
        <translation>Synchronisation… %1 modifications sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="105" />
        <source>Syncing… %1 of %2 people</source>
        <translation>Synchronisation… %1 personnes sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="107" />
        <source>Syncing… %1 people</source>
        <translation>Synchronisation… %1 personnes</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="113" />
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="114" />
        <source>LAN peer</source>
        <translation>Pair du réseau local</translation>
    </message>
    <message>
        <location filename="../../ui/sync_panel.py" line="115" />
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
</context>
<context>
    <name>TeamsScreen</name>
    <message>
        <location filename="../../ui/screens/teams.py" line="77" />
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="102" />
        <source>My teams</source>
        <translation>Mes équipes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="105" />
        <source>&amp;New team…</source>
        <translation>&amp;Nouvelle équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="106" />
        <source>New team (Ctrl+Shift+T)</source>
        <translation>Nouvelle équipe (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="108" />
        <source>Join a team</source>
        <translation>Rejoindre une équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="111" />
        <source>Code or team id</source>
        <translation>Code ou identifiant d’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="112" />
        <source>Invitation code or team id</source>
        <translation>Code d’invitation ou identifiant d’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="115" />
        <source>&amp;Join</source>
        <translation>Re&amp;joindre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="142" />
        <source>You are in no team yet. Create one, or paste an invitation code under “Join a team”.</source>
        <translation>Vous n’êtes encore dans aucune équipe. Créez-en une, ou collez un code d’invitation sous « Rejoindre une équipe ».</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="155" />
        <source>Copy team &amp;id</source>
        <translation>Copier l’&amp;identifiant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="156" />
        <source>Give the id to people you invited: they paste it in “Join”</source>
        <translation>Donnez l’identifiant aux personnes invitées : elles le collent dans « Rejoindre »</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="158" />
        <source>&amp;Leave team…</source>
        <translation>&amp;Quitter l’équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="169" />
        <source>Team details</source>
        <translation>Détails de l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="175" />
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="175" />
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="176" />
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="176" />
        <source>Matrix</source>
        <translation>Matrice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="177" />
        <source>Matching</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="239" />
        <source>You are an admin of this team.</source>
        <translation>Vous êtes administrateur de cette équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="240" />
        <source>You are a member of this team.</source>
        <translation>Vous êtes membre de cette équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="268" />
        <source>Accepted. An admin’s device adds you when your answer reaches it: sync with them, or export your profile and send it.</source>
        <translation>Accepté. L’appareil d’un administrateur vous ajoutera quand votre réponse lui parviendra : synchronisez avec lui, ou exportez votre profil et envoyez-le.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="278" />
        <source>Leave “%1”? To come back, you will need a new invitation.</source>
        <translation>Quitter « %1 » ? Pour revenir, il vous faudra une nouvelle invitation.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="279" />
        <source>Leave team</source>
        <translation>Quitter l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/teams.py" line="293" />
        <source>Team id copied: %1</source>
        <translation>Identifiant d’équipe copié : %1</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <location filename="../../ui/standing_view.py" line="68" />
        <source>Why this standing?</source>
        <translation>Pourquoi cette reconnaissance ?</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="69" />
        <source>%1: standing %2 of 100. Community level %3, claimed level %4.</source>
        <translation>%1 : reconnaissance %2 sur 100. Niveau vu par la communauté %3, niveau déclaré %4.</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="76" />
        <source>Endorser</source>
        <translation>Recommandé par</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="76" />
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="76" />
        <source>How you reach them</source>
        <translation>Comment vous y êtes relié</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/standing_view.py" line="83" />
        <source>%n endorsement(s) from outside your network count for nothing.</source>
        <translation><numerusform>%n recommandation venue d’en dehors de votre réseau ne compte pas.</numerusform><numerusform>%n recommandations venues d’en dehors de votre réseau ne comptent pas.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="88" />
        <source>No one your trust reaches endorses this skill yet.</source>
        <translation>Personne de votre réseau de confiance ne recommande encore cette compétence.</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="99" />
        <source>knows</source>
        <translation>connaît</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="99" />
        <source>endorsed</source>
        <translation>recommandé</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="99" />
        <source>exchange</source>
        <translation>échange</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="104" />
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <location filename="../../ui/standing_view.py" line="106" />
        <source>%1 (team %2)</source>
        <translation>%1 (équipe %2)</translation>
    </message>
</context>
</TS>