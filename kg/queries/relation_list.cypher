// description: 关系列表 — one row per fact of one relationship type (head, tail), facts a drafter rejected left out, with the number of passages that state it, of their documents, and the first year it is stated
// param rel: str = "UNDERTAKES" — the relationship type, e.g. UNDERTAKES, RUNS, PARTY_ORG_OF, BRANCH_OF
// param limit: int = 2000 — the most facts to return
MATCH (h:Entity)-[x]->(t:Entity)
WHERE type(x) = $rel AND coalesce(x.review, '') <> 'rejected'
// the evidence passage by its id (an index lookup, see entity_facts)
WITH h, t, x.evidence AS evidence
MATCH (p:Passage {id: evidence})-[:PART_OF]->(d:Document)
WITH h, t, count(DISTINCT p) AS passages, count(DISTINCT d) AS documents, min(d.year) AS first_year
RETURN h.id AS head_id, h.name AS head, h.label AS head_label, $rel AS rel, t.id AS tail_id, t.name AS tail,
       t.label AS tail_label, passages, documents, first_year
ORDER BY head, tail, head_id, tail_id
LIMIT $limit
