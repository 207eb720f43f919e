# A pipeline of stages, each seeing the environment of every stage before it.

def env_chain(name, stages):
    env = {"PIPELINE": name}
    for i in range(stages):
        stage = "{}_{}".format(name, i)
        genrule(name = stage, out = stage + ".out", cmd = "run_stage --vars={}".format(len(env)))
        # Copies the whole environment so far, to add one variable.
        env = dict(env)
        env["STAGE_{}_DONE".format(i)] = "1"
