// description: 关系列表 — one row per fact of one relationship type (head, tail), facts a drafter rejected left out, with the number of passages that state it, of their documents, and the first year it is stated
// param rel: str = "UNDERTAKES" — the relationship type, e.g. UNDERTAKES, RUNS, PARTY_ORG_OF, BRANCH_OF
// param text: str = "" — only facts whose head or tail name contains this (literal, case-insensitive), "" for all
// param limit: int = 2000 — the most facts to return
MATCH (h:Entity)-[x]->(t:Entity)
WHERE type(x) = $rel AND coalesce(x.review, '') <> 'rejected'
// a fact's statements keep their document and its year (0: none; kg/load.py), so no passage or document is read
WITH h.id AS hid, t.id AS tid, count(DISTINCT x.evidence) AS passages, count(DISTINCT x.doc_id) AS documents,
     min(CASE WHEN x.year > 0 THEN x.year END) AS first_year
MATCH (h:Entity {id: hid})
MATCH (t:Entity {id: tid})
WHERE $text = '' OR toLower(h.name) CONTAINS toLower($text) OR toLower(t.name) CONTAINS toLower($text)
RETURN hid AS head_id, h.name AS head, h.label AS head_label, $rel AS rel, tid AS tail_id, t.name AS tail,
       t.label AS tail_label, passages, documents, first_year
ORDER BY head, tail, head_id, tail_id
LIMIT $limit
