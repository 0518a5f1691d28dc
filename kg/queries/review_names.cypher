// description: 待审 — names no gazetteer knows (every mention found by its shape or a pattern), not yet decided, most mentioned first: a drafter verifies a real name or rejects a junk one
// param limit: int = 50 — the most names to return
// The counts are kept at every write (kg/aggregates.py: mention_count, known_mention_count — the mentions
// found by a gazetteer or nested in a known name); only the names shown are read mention by mention.
MATCH (e:Entity)
WHERE e.review IS NULL AND e.mention_count > 0 AND coalesce(e.known_mention_count, 0) = 0
WITH e, e.mention_count AS mentions
ORDER BY mentions DESC, e.name, e.id
LIMIT $limit
MATCH (e)<-[m:MENTIONS]-(:Passage)
WITH e, mentions, collect(DISTINCT m.source) AS sources
RETURN e.id AS id, e.name AS name, e.label AS label, e.fact_key AS fact_key, mentions, sources
ORDER BY mentions DESC, name, id
