# Generated client libraries for Thrift services.

def _client_attrs(name, service, lang):
    return {
        "name": "{}_{}_{}".format(name, service.lower(), lang),
        "srcs": ["gen-{}/{}/{}.{}".format(lang, service, part, lang) for part in ["types", "client", "server", "constants"]],
        "headers": ["gen-{}/{}/{}.h".format(lang, service, part) for part in ["types", "client"]],
        "labels": ["thrift", "generated", "lang:" + lang, "service:" + service],
        "visibility": ["PUBLIC"],
    }

def thrift_services(name, services, languages):
    # First collect the attributes of every client library...
    pending = []
    for service in services:
        for lang in languages:
            pending.append(_client_attrs(name, service, lang))
    # ...then declare them all.
    for attrs in pending:
        cxx_library(**attrs)
