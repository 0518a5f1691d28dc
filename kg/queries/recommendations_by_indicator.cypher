// description: the recommendations that address a research direction (and optionally one 考核指标): links on matched terms first (coverage), then weak ones (弱/未匹配), strongest first; at most `limit` of them (the picker of 建议溯源), `total` how many there are, and `text` finds any of them by a piece of its text; each with how many passages of other documents back it (`support`, as recommendation_support lists them) and how many recommendations of other documents propose the same measure (`same`, as measure_cluster lists them); `backed` keeps only those with either
// param direction: str — the direction code, "1" … "4"
// param indicator: str = "" — an indicator code such as "1.4", or "" for the whole direction
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
// param text: str = "" — only recommendations whose text contains this (case-sensitive, literal), "" for all
// param backed: bool = false — only recommendations that another document backs (佐证) or proposes too (同类)
// param limit: int = 200 — the most recommendations to return (the strongest); `total` counts them all
// The direction or indicator is found first (an index lookup) and its ADDRESSES links read from it, ordered as
// scalars (ordering rows that hold nodes is several times slower on kglite), counted in a subquery; the link,
// passage and document of a recommendation are read again only for the `limit` returned. `backed` asks for each
// kind of link on its own, in its direction (one undirected pattern over both types read 3× the relationship
// properties on kglite: 172 against 50 ms for 13,085 recommendations at ~117k nodes, every one backed).
CALL {
  MATCH (t:ResearchDirection {code: $direction}) WHERE $indicator = '' RETURN t
  UNION
  MATCH (t:Indicator {code: $indicator}) WHERE $indicator <> '' RETURN t
}
CALL (t) {
  MATCH (t)<-[a:ADDRESSES]-(r:Recommendation)
  WHERE ($show_rejected OR (coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'))
    AND ($text = '' OR r.text CONTAINS $text)
    AND (NOT $backed
         OR EXISTS { MATCH (r)-[x:EVIDENCED_BY]->(:Passage) WHERE $show_rejected OR coalesce(x.review, '') <> 'rejected' }
         OR EXISTS { MATCH (r)-[x:SAME_MEASURE]-(o:Recommendation)
                     WHERE $show_rejected OR (coalesce(x.review, '') <> 'rejected' AND coalesce(o.review, '') <> 'rejected') })
  RETURN count(*) AS total
}
MATCH (t)<-[a:ADDRESSES]-(r:Recommendation)
WHERE ($show_rejected OR (coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'))
  AND ($text = '' OR r.text CONTAINS $text)
  AND (NOT $backed
       OR EXISTS { MATCH (r)-[x:EVIDENCED_BY]->(:Passage) WHERE $show_rejected OR coalesce(x.review, '') <> 'rejected' }
       OR EXISTS { MATCH (r)-[x:SAME_MEASURE]-(o:Recommendation)
                   WHERE $show_rejected OR (coalesce(x.review, '') <> 'rejected' AND coalesce(o.review, '') <> 'rejected') })
WITH total, t.code AS code, r.id AS id, coalesce(a.matched, false) AS matched, a.score AS score
ORDER BY matched DESC, score DESC, id
LIMIT $limit
MATCH (r:Recommendation {id: id})-[a:ADDRESSES]->(t)
WHERE t.code = code AND (t:ResearchDirection OR t:Indicator)
MATCH (r)-[:SUPPORTED_BY]->(:Passage)-[:PART_OF]->(d:Document)
CALL (r) {
  OPTIONAL MATCH (r)-[x:EVIDENCED_BY]->(:Passage)
  WHERE $show_rejected OR coalesce(x.review, '') <> 'rejected'
  RETURN count(x) AS support
}
CALL (r) {
  OPTIONAL MATCH (r)-[x:SAME_MEASURE]-(o:Recommendation)
  WHERE $show_rejected OR (coalesce(x.review, '') <> 'rejected' AND coalesce(o.review, '') <> 'rejected')
  RETURN count(x) AS same
}
RETURN DISTINCT r.id AS rec_id, r.text AS recommendation, a.score AS score, a.terms AS terms,
       coalesce(a.matched, false) AS matched, d.id AS doc_id, d.title AS title, r.review AS review,
       r.review_value AS corrected, support, same, total
ORDER BY matched DESC, score DESC, rec_id
