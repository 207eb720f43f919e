_BASE = {"CC": "arm-none-eabi-gcc", "AR": "arm-none-eabi-ar", "BOARD": "none"}

def tool_env(rows):
    env = dict(_BASE)
    for k, v in rows:
        if v == None:
            continue
        env = dict(env, **{k: v})
    return env
