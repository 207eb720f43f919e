load(":grid.bzl", "encode_grid", "validate_axis")

_TOOL = "$(exe //vol/legacy:surfgen)"

def _surface_impl(name, underlying, strikes, expiries, model):
    validate_axis("strikes", strikes)
    validate_axis("expiries", expiries)
    nodes = encode_grid(strikes, expiries)
    genrule(
        name = name,
        out = "{}_{}.surf".format(underlying.lower(), model),
        cmd = "{} --underlying {} --model {} {} > $OUT".format(_TOOL, underlying, model, nodes),
    )

def vol_surface_fixture(name, underlying, strikes, expiries = ["1W", "2W", "1M", "2M", "3M", "6M", "9M", "1Y", "18M", "2Y"], model = "svi"):
    if model not in ("svi", "ssvi", "sabr"):
        fail("unsupported surface model " + model)
    _surface_impl(name, underlying, strikes, expiries, model)
