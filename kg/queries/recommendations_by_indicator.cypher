// description: the recommendations that address a research direction (and optionally one 考核指标): links on matched terms first (coverage), then weak ones (弱/未匹配), strongest first
// param direction: str — the direction code, "1" … "4"
// param indicator: str = "" — an indicator code such as "1.4", or "" for the whole direction
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
MATCH (r:Recommendation)-[a:ADDRESSES]->(t)
WHERE (($indicator = '' AND t:ResearchDirection AND t.code = $direction)
    OR ($indicator <> '' AND t:Indicator AND t.code = $indicator))
  AND ($show_rejected OR (coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'))
MATCH (r)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(d:Document)
RETURN DISTINCT r.id AS rec_id, r.text AS recommendation, a.score AS score, a.terms AS terms,
       coalesce(a.matched, false) AS matched, d.id AS doc_id, d.title AS title,
       r.review AS review, r.review_value AS corrected
ORDER BY matched DESC, score DESC, rec_id
