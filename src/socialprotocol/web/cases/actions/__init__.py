"""Every change to cases and dossiers: ``do_<verb>_<noun>(..., *, acting_user)``, each inside
``transaction.atomic`` with its audit row written in the same transaction."""
