// description: 佐证 — passages of other documents that back a recommendation, by kind (policy 政策依据, case 实践案例, data 数据), each with why: shared words, entities, score
// param rec_id: str — the Recommendation id
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
MATCH (r:Recommendation {id: $rec_id})-[x:EVIDENCED_BY]->(p:Passage)-[:PART_OF]->(d:Document)
WHERE $show_rejected OR coalesce(x.review, '') <> 'rejected'
RETURN x.kind AS kind, x.score AS score, x.terms AS terms, x.entities AS entities, x.fact_key AS fact_key,
       x.review AS review,
       p.id AS passage_id, p.text AS passage, p.start AS start, p.`end` AS `end`,
       d.id AS doc_id, d.title AS title, d.kind AS doc_kind, d.issuers AS issuers, d.date AS date,
       d.doc_number AS doc_number, d.source_url AS source_url, d.source_kind AS source_kind, d.retrieved AS retrieved,
       d.summary AS summary
ORDER BY CASE x.kind WHEN 'policy' THEN 0 WHEN 'case' THEN 1 ELSE 2 END, x.score DESC, passage_id
