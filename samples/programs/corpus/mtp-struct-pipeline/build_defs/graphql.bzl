# GraphQL fragment libraries: parse, resolve, then declare, each stage over the whole list.

def _parse(name, fragment):
    return struct(
        name = "{}_{}".format(name, fragment.lower()),
        fragment = fragment,
        srcs = ["graphql/{}.graphql".format(fragment)],
        generated = ["gen/{}.py".format(fragment), "gen/{}_types.py".format(fragment)],
    )

def _resolve(spec):
    return struct(
        name = spec.name,
        srcs = spec.srcs + spec.generated,
        deps = [":{}_runtime".format(spec.fragment.lower()), "//third-party:graphql-core"],
        labels = ["graphql", "fragment:" + spec.fragment],
    )

def _collect(name, fragments):
    parsed = [_parse(name, f) for f in fragments]
    return [_resolve(spec) for spec in parsed]

def _declare_all(resolved):
    for spec in resolved:
        python_library(name = spec.name, srcs = spec.srcs, deps = spec.deps, labels = spec.labels)

def graphql_fragments(name, fragments):
    # Every fragment is parsed and resolved into lists before any target is declared.
    resolved = _collect(name, fragments)
    _declare_all(resolved)
