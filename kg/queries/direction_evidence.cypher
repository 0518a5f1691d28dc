// description: 证据卷宗 — every recommendation of a research direction with its link (score, matched terms, whether it counts as coverage), indicators, the entities it concerns, and each evidence passage with its document's metadata
// param direction: str — the direction code, "1" … "4"
MATCH (r:Recommendation)-[a:ADDRESSES]->(:ResearchDirection {code: $direction})
WHERE coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'
OPTIONAL MATCH (r)-[:CONCERNS]->(e:Entity)
WITH r, a, e ORDER BY e.name
WITH r, a, collect(DISTINCT e.name) AS concerns
MATCH (r)-[:SUPPORTED_BY]->(p:Passage)-[:PART_OF]->(d:Document)
RETURN r.id AS rec_id, r.text AS recommendation, r.indicators AS indicators, a.score AS score, a.terms AS terms,
       coalesce(a.matched, false) AS matched, r.review AS review, r.review_value AS corrected,
       concerns, p.id AS passage_id, p.text AS passage, p.start AS start,
       d.id AS doc_id, d.title AS title, d.kind AS kind, d.issuers AS issuers, d.date AS date,
       d.doc_number AS doc_number, d.source_url AS source_url, d.source_kind AS source_kind, d.retrieved AS retrieved, d.path AS path, d.summary AS summary
ORDER BY matched DESC, score DESC, rec_id, doc_id, start
