// description: 建议溯源 — a recommendation with every evidence passage, its document and the document's issuers
// param rec_id: str — the Recommendation id
MATCH (r:Recommendation {id: $rec_id})-[s:SUPPORTED_BY]->(p:Passage)-[:PART_OF]->(d:Document)
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(:Policy)<-[:CITES]-(d)
WITH r, p, d, collect(DISTINCT a.name) AS cited_issuers
RETURN r.id AS rec_id, r.text AS recommendation, r.directions AS directions, r.indicators AS indicators,
       r.fact_key AS fact_key, r.review AS review, r.review_value AS corrected,
       p.id AS passage_id, p.text AS passage, p.start AS start, p.`end` AS `end`,
       d.id AS doc_id, d.title AS title, d.kind AS kind, d.issuers AS issuers, d.date AS date,
       d.doc_number AS doc_number, d.source_url AS source_url, d.source_kind AS source_kind, d.retrieved AS retrieved, d.path AS path,
       cited_issuers
ORDER BY d.id, p.start
