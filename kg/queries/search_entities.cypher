// description: 实体检索 — entities whose name, aliases or merged names match the query (segmented into words by the caller); entities a drafter rejected are left out; ranked by how well they match and how often the corpus mentions them, a generic kind (泛称) a little below a name
// param query: str — words separated by spaces (see kg.search.fulltext_query)
// param limit: int = 20 — the most hits
// The full-text score favours short names (BM25's length norm): 机械工程 matched the kind 省机械工程学会, mentioned
// once, above 中国机械工程学会, mentioned in 11 documents. So the best 100 matches are ranked by the score times a
// prior of use, 1 + ¼ ln(1 + mentions), and a kind's by 0.85 of that (the prior of entity linking: how well a name
// matches × how likely it is meant). `score` stays the engine's.
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE coalesce(node.review, '') <> 'rejected'
WITH node, score ORDER BY score DESC, node.id LIMIT 100
WITH node, score,
     score * (1.0 + 0.25 * log(1.0 + coalesce(node.mention_count, 0)))
       * CASE WHEN coalesce(node.generic, false) THEN 0.85 ELSE 1.0 END AS rank
RETURN node.id AS id, node.name AS name, node.label AS label, node.aliases AS aliases,
       node.generic AS generic, score
ORDER BY rank DESC, id
LIMIT $limit
