// description: 待审 — names no gazetteer knows (every mention found by its shape or a pattern), not yet decided, most mentioned first: a drafter verifies a real name or rejects a junk one
// param limit: int = 50 — the most names to return
MATCH (e:Entity)<-[m:MENTIONS]-(:Passage)
WHERE e.review IS NULL
WITH e, count(m) AS mentions, collect(DISTINCT m.source) AS sources
WHERE NONE(s IN sources WHERE s IN ['gazetteer', 'nested'])
RETURN e.id AS id, e.name AS name, e.label AS label, e.fact_key AS fact_key, mentions, sources
ORDER BY mentions DESC, name, id
LIMIT $limit
