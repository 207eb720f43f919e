def render_dag_header(dag):
    lines = []
    for i in range(dag["history"]):
        lines.append("# run %d of %s owner=%s schedule=%s" % (i, dag["id"], dag["owner"], dag["schedule"]))
    return "\n".join(lines)

def _render_sql_task(dag, task):
    header = render_dag_header(dag)
    return struct(cmd = "airflow-render sql %s" % task, header_len = len(header))

def _render_bash_task(dag, task):
    header = render_dag_header(dag)
    return struct(cmd = "airflow-render bash %s" % task, header_len = len(header))

RENDERERS = {
    "sql": _render_sql_task,
    "bash": _render_bash_task,
}
