def compile_model(name, upstream, fanout):
    select_list = ["  %s.col_%d AS %s_col_%d" % (upstream, i, name, i) for i in range(fanout)]
    return struct(
        name = name,
        sql = "SELECT\n" + ",\n".join(select_list) + "\nFROM " + upstream,
        columns = select_list,
    )
