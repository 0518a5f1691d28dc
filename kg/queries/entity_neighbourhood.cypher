// description: 图谱邻域 — an entity's neighbours (relationship, direction, label, name), capped
// param entity_id: str — the entity id
// param limit: int = 50 — the most neighbours to return
// param show_rejected: bool = false — also facts a drafter rejected (kg review)
MATCH (n:Entity {id: $entity_id})-[r]-(m)
WHERE NOT m:Passage AND NOT m:Document AND ($show_rejected OR coalesce(r.review, '') <> 'rejected')
WITH n, r, m, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction
WITH DISTINCT n, type(r) AS rel, direction, m
RETURN n.id AS id, n.name AS name, rel, direction, m.id AS neighbour_id, m.name AS neighbour,
       coalesce(m.label, head([l IN labels(m) WHERE l <> 'Entity'])) AS neighbour_label
ORDER BY rel, neighbour_label, neighbour, neighbour_id
LIMIT $limit
