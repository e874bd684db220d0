; Inno Setup script: installs dist\skiller\ and registers .skb bundles and skiller: links.
; Built by packaging\build.py (iscc /DAppVersion=… /DSourceDir=… /DOutputDir=…).
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\skiller"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{8C1E6B0A-5D8B-4C64-9B8A-2E3C1F5A7D10}
AppName=Skiller
AppVersion={#AppVersion}
AppPublisher=Skiller
DefaultDirName={autopf}\Skiller
DefaultGroupName=Skiller
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#OutputDir}
OutputBaseFilename=Skiller-{#AppVersion}-windows-setup
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\Skiller.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Skiller"; Filename: "{app}\Skiller.exe"
Name: "{autodesktop}\Skiller"; Filename: "{app}\Skiller.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .skb bundles open in Skiller
Root: HKA; Subkey: "Software\Classes\.skb"; ValueType: string; ValueName: ""; ValueData: "Skiller.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.skb"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-skiller-bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Skiller.Bundle"; ValueType: string; ValueName: ""; ValueData: "Skiller bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Skiller.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Skiller.exe,0"
Root: HKA; Subkey: "Software\Classes\Skiller.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Skiller.exe"" ""%1"""
; skiller: invitation links (docs/invitations.md)
Root: HKA; Subkey: "Software\Classes\skiller"; ValueType: string; ValueName: ""; ValueData: "URL:Skiller link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\skiller"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\skiller\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Skiller.exe,0"
Root: HKA; Subkey: "Software\Classes\skiller\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Skiller.exe"" ""%1"""

[Run]
Filename: "{app}\Skiller.exe"; Description: "{cm:LaunchProgram,Skiller}"; Flags: nowait postinstall skipifsilent
