// description: 同类建议 — recommendations of other documents that propose the same measure (SAME_MEASURE), with their documents' issuers and years: repeated policy or new
// param rec_id: str — the Recommendation id
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
MATCH (r:Recommendation {id: $rec_id})-[x:SAME_MEASURE]-(o:Recommendation)
WHERE $show_rejected OR (coalesce(x.review, '') <> 'rejected' AND coalesce(o.review, '') <> 'rejected')
MATCH (d:Document {id: o.doc_id})
RETURN o.id AS rec_id, o.text AS recommendation, x.score AS score, x.terms AS terms, x.fact_key AS fact_key,
       x.review AS review,
       d.id AS doc_id, d.title AS title, d.kind AS doc_kind, d.issuers AS issuers, d.date AS date, d.year AS year,
       d.doc_number AS doc_number, d.source_url AS source_url, d.source_kind AS source_kind, d.retrieved AS retrieved,
       d.summary AS summary
ORDER BY year, doc_id, rec_id
