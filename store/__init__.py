"""The session store: one SQLite file (sqlite-utils, WAL) in the user's data folder, each
turn committed as it happens; export/import, the HTML page of a session, the class report
and retention. No business rules here.
"""
