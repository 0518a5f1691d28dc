// description: why a recommendation is linked to directions and indicators (score, matched terms), and the entities it concerns
// param rec_id: str — the Recommendation id
MATCH (r:Recommendation {id: $rec_id})
OPTIONAL MATCH (r)-[a:ADDRESSES]->(t)
WITH r, a, t ORDER BY a.code
WITH r, collect(CASE WHEN t IS NULL THEN NULL ELSE {code: a.code, score: a.score, terms: a.terms, matched: coalesce(a.matched, false), name: t.name, deliverable: t.deliverable, fact_key: a.fact_key, review: a.review} END) AS links
OPTIONAL MATCH (r)-[:CONCERNS]->(e:Entity)
WITH r, links, e ORDER BY e.label, e.name
RETURN r.id AS rec_id, r.text AS recommendation, r.trigger AS trigger, links,
       collect(CASE WHEN e IS NULL THEN NULL ELSE {id: e.id, name: e.name, label: e.label} END) AS concerns
