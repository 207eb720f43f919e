def _task_spec(dag_id, table, shard):
    return {
        "task_id": "%s.load_%s_%d" % (dag_id, table, shard),
        "retries": 3,
        "pool": "warehouse",
        "env": ["SHARD=%d" % shard, "TABLE=" + table, "DAG=" + dag_id],
        "doc": "Load shard %d of %s for %s" % (shard, table, dag_id),
    }

def _materialize(dag_id, tables, shards):
    specs = []
    for table in tables:
        for shard in range(shards):
            specs.append(_task_spec(dag_id, table, shard))
    return specs

def sharded_load_dag(dag_id, tables, shards = 1500):
    specs = _materialize(dag_id, tables, shards)
    count = 0
    for spec in specs:
        if spec["retries"] > 0:
            count += 1
    python_library(
        name = dag_id,
        srcs = ["dags/%s.py" % dag_id],
        labels = ["tasks:%d" % count],
    )
