"""The session store (to come): one SQLite file (sqlite-utils) in the user's data folder,
each turn committed as it happens, export/import and retention.

No business rules here.
"""
