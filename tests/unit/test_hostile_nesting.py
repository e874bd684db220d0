"""A signed document nested deeper than Python recurses is refused with a reason, not a crash."""

import pytest
from automerge import core

from skiller_desktop import automerge_io as am
from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import verify_update
from skiller_desktop.errors import RejectedError
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead


def _nested(depth: int):
    def edit(tx: core.Transaction) -> None:
        obj = tx.put_object(am.ROOT, "unknown_future_field", core.ObjType.Map)
        for _ in range(depth):
            obj = tx.put_object(obj, "x", core.ObjType.Map)
    return edit


@pytest.mark.parametrize("depth", [50, 5000])
def test_nesting_in_an_unknown_field_is_kept_when_shallow_and_refused_when_deep(depth):
    attacker = Identity.generate()
    doc = pd.new_document(attacker, "Mallory", "", "laptop")
    pd.apply(doc, _nested(depth))
    signed = SignedHead.sign(attacker, attacker.person_id, doc.get_heads())
    if depth < 100:
        assert verify_update(attacker.person_id, None, [], doc.save(), [signed]).changed
        return
    with pytest.raises(RejectedError, match="nested too deeply"):
        verify_update(attacker.person_id, None, [], doc.save(), [signed])
