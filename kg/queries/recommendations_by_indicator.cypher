// description: the recommendations that address a research direction (and optionally one 考核指标): links on matched terms first (coverage), then weak ones (弱/未匹配), strongest first; at most `limit` of them (the picker of 建议溯源), `total` how many there are, and `text` finds any of them by a piece of its text
// param direction: str — the direction code, "1" … "4"
// param indicator: str = "" — an indicator code such as "1.4", or "" for the whole direction
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
// param text: str = "" — only recommendations whose text contains this (case-sensitive, literal), "" for all
// param limit: int = 200 — the most recommendations to return (the strongest); `total` counts them all
// The direction or indicator is found first (an index lookup) and its ADDRESSES links read from it, ordered as
// scalars (ordering rows that hold nodes is several times slower on kglite), counted in a subquery; the link,
// passage and document of a recommendation are read again only for the `limit` returned.
CALL {
  MATCH (t:ResearchDirection {code: $direction}) WHERE $indicator = '' RETURN t
  UNION
  MATCH (t:Indicator {code: $indicator}) WHERE $indicator <> '' RETURN t
}
CALL (t) {
  MATCH (t)<-[a:ADDRESSES]-(r:Recommendation)
  WHERE ($show_rejected OR (coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'))
    AND ($text = '' OR r.text CONTAINS $text)
  RETURN count(*) AS total
}
MATCH (t)<-[a:ADDRESSES]-(r:Recommendation)
WHERE ($show_rejected OR (coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'))
  AND ($text = '' OR r.text CONTAINS $text)
WITH total, t.code AS code, r.id AS id, coalesce(a.matched, false) AS matched, a.score AS score
ORDER BY matched DESC, score DESC, id
LIMIT $limit
MATCH (r:Recommendation {id: id})-[a:ADDRESSES]->(t)
WHERE t.code = code AND (t:ResearchDirection OR t:Indicator)
MATCH (r)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(d:Document)
RETURN DISTINCT r.id AS rec_id, r.text AS recommendation, a.score AS score, a.terms AS terms,
       coalesce(a.matched, false) AS matched, d.id AS doc_id, d.title AS title, r.review AS review,
       r.review_value AS corrected, total
ORDER BY matched DESC, score DESC, rec_id
