# Placeholder substitution map handed to the string compiler (one entry per message id).

def _message_id(namespace, key, variant):
    return "{}.{}#{}".format(namespace, key, variant)

def _placeholder(key, variant):
    return "%%%s_%s%%" % (key.upper(), variant)

def build_placeholder_map(namespace, keys, variants):
    mapping = {}
    for key in keys:
        for variant in variants:
            mapping = dict(mapping, **{_message_id(namespace, key, variant): _placeholder(key, variant)})
    return mapping
