"""The fixed sentences wardsite itself writes on ward and Easy Read pages, each a documented explanation.

A page states only what the ward wrote, or a figure worked out from it. The only other sentences
are these: explanations of a term the ward can replace with its own words (``PROTECTED_MEALTIMES_MEANING``),
and legal facts true for every ward in England (the Mental Health Act 1983 and its Code of Practice,
legal aid for the Mental Health Tribunal, the NHS Constitution's right to complain). README.md's
"Fixed explanations" lists every one; a test checks that it does.
"""

from __future__ import annotations

from wardsite.model.ward import PROTECTED_MEALTIMES_MEANING

RIGHTS_IN_HOSPITAL = "You have rights while you are in hospital."
INFORMAL_CAN_ASK_TO_LEAVE = "If you agreed to come in, you can ask to leave."
"""Shown only when the ward does not say that every patient is detained (who_for.all_detained)."""
RIGHTS_EXPLAINED = "If you are detained, staff must explain your rights to you."
"""Section 132 of the Mental Health Act 1983."""
RIGHTS_EXPLAINED_AGAIN = "You can ask staff to explain your rights again at any time."
"""The Mental Health Act Code of Practice (chapter 4)."""
TRIBUNAL = "If you are detained, you can ask a tribunal to end your section."
TRIBUNAL_SOLICITOR = "A solicitor can help you with this. It is free."
"""Legal aid for the Mental Health Tribunal is not means-tested: it is free for every patient."""
ADVOCATE_MEANING = "An advocate can help you say what you want."
"""What the word means; shown only when the ward publishes its rights section (with its advocacy services)."""
ADVOCATES_INDEPENDENT = "Advocates do not work for the hospital."
"""Independent Mental Health Advocates are independent of the hospital by law (Mental Health Act 1983, s130A)."""
CAN_COMPLAIN = "You can make a complaint."
"""The NHS Constitution: the right to have a complaint dealt with."""
COMPLAINING_IS_SAFE = "Making a complaint will not change the care you get."
"""The NHS Constitution: the right not to be treated less well for complaining."""
COMPLAINTS_ADVOCACY = "An advocate can help you make a complaint."
"""Every local authority in England must provide NHS complaints advocacy (Health and Social Care Act 2012)."""

FIXED_EXPLANATIONS: tuple[str, ...] = (
    PROTECTED_MEALTIMES_MEANING,
    RIGHTS_IN_HOSPITAL,
    INFORMAL_CAN_ASK_TO_LEAVE,
    RIGHTS_EXPLAINED,
    RIGHTS_EXPLAINED_AGAIN,
    TRIBUNAL,
    TRIBUNAL_SOLICITOR,
    ADVOCATE_MEANING,
    ADVOCATES_INDEPENDENT,
    CAN_COMPLAIN,
    COMPLAINING_IS_SAFE,
    COMPLAINTS_ADVOCACY,
)
"""Every fixed sentence a ward or Easy Read page may show that no ward wrote."""
