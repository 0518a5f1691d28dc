"""What a read-only session refuses before the engine sees it.

The engines refuse writes in read transactions themselves. What they would run anyway is refused
here, by what the statement is (Neo4j Community has no roles to decide it by who runs it): LOAD CSV
(it reads files and URLs), administration commands (SHOW …, TERMINATE TRANSACTIONS, user and
database commands; SHOW INDEXES and SHOW CONSTRAINTS alone are allowed), more than one statement, and
procedures outside READ_PROCEDURES (dbms.listConfig, db.clearQueryCaches …). Literals and comments
are ignored.
"""
from __future__ import annotations

import re

from kg.stores.base import ReadOnlyViolation

FILE_ACCESS_MESSAGE = ("只读查询不允许 LOAD CSV / refused: LOAD CSV reads files and URLs, which a read-only "
                       "query session does not allow")
ADMIN_MESSAGE = ("只读查询不允许管理命令 / refused: {what} is an administration command or procedure; a read-only "
                 "query may only read the graph (procedures allowed: {allowed})")
MULTI_MESSAGE = "一次只能运行一条语句 / refused: one statement at a time (remove the ';' and what follows)"
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.I)
# what may start a read statement, after an optional `CYPHER …` options prefix and EXPLAIN/PROFILE
_READ_START = re.compile(r"\s*(?:CYPHER\b[^\n]*?(?=\b(?:MATCH|OPTIONAL|WITH|UNWIND|RETURN|CALL|EXPLAIN|PROFILE)\b))?"
                         r"\s*(?:(?:EXPLAIN|PROFILE)\s+)?(?P<word>[A-Za-z]+)", re.I)
_READ_WORDS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL",
                         # writes: the engines refuse them in a read transaction with their own message
                         "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH", "LOAD"})
_ADMIN_WORDS = frozenset({"SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP", "USE",
                          "DROP", "RENAME", "ENABLE", "DEALLOCATE", "REALLOCATE", "DRYRUN"})
_SCHEMA_SHOW = re.compile(r"SHOW\s+(?:(?:ALL|RANGE|FULLTEXT|TEXT|POINT|VECTOR|LOOKUP)\s+)?INDEX(?:ES)?"
                          r"|SHOW\s+(?:ALL\s+)?CONSTRAINTS?", re.I)
_CALL = re.compile(r"\bCALL\b\s*(?P<name>[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)?", re.I)
# administration words anywhere (not as a property, parameter or map key): SHOW … YIELD … TERMINATE …
_ADMIN_ANYWHERE = re.compile(r"(?<![.$\w])(?P<word>SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|USE|DROP|RENAME"
                             r"|DEALLOCATE|REALLOCATE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:USER|ROLE|DATABASE|ALIAS"
                             r"|COMPOSITE|SERVER))\b(?!\s*:)", re.I)
# read procedures a console user may call (Neo4j names; kglite knows the full-text one)
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "dbms.components",
})


def check_read_statement(query: str) -> None:
    """Raise ReadOnlyViolation for what a read-only session must not run (see the module)."""
    code = _LITERALS.sub(" ", query)
    if _LOAD_CSV.search(code):
        raise ReadOnlyViolation(FILE_ACCESS_MESSAGE)
    stripped = code.strip().rstrip(";").strip()
    if ";" in stripped:
        raise ReadOnlyViolation(MULTI_MESSAGE)
    if _SCHEMA_SHOW.fullmatch(stripped):
        return  # the schema's own indexes and constraints: a read that reveals nothing else
    allowed = ", ".join(sorted(READ_PROCEDURES))
    start = _READ_START.match(stripped)
    word = start.group("word").upper() if start else ""
    if word in _ADMIN_WORDS or (word and word not in _READ_WORDS):
        raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"'{word}'", allowed=allowed))
    admin = _ADMIN_ANYWHERE.search(stripped)
    if admin:
        raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"'{admin.group('word').upper()}'", allowed=allowed))
    for call in _CALL.finditer(stripped):
        rest = stripped[call.end():].lstrip()
        name = re.sub(r"\s+", "", call.group("name") or "")
        if not name and rest[:1] in ("{", "("):
            continue  # a subquery: CALL { … } or CALL (x) { … }
        if name.lower() not in READ_PROCEDURES:
            raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"CALL {name or stripped[call.end():][:20].strip()}",
                                                         allowed=allowed))
