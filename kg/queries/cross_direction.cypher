// description: 跨方向综合 — entities that recommendations of two or more research directions concern, with the recommendations per direction
// param min_directions: int = 2 — how many directions at least
MATCH (e:Entity)<-[:CONCERNS]-(r:Recommendation)-[:ADDRESSES]->(d:ResearchDirection)
WITH e, d.code AS direction, r.id AS rec ORDER BY rec
WITH e, direction, collect(DISTINCT rec) AS recs ORDER BY direction
WITH e, collect({direction: direction, recommendations: recs}) AS per_direction, count(direction) AS directions
WHERE directions >= $min_directions
RETURN e.id AS id, e.name AS name, e.label AS label, directions, per_direction
ORDER BY directions DESC, name, id
