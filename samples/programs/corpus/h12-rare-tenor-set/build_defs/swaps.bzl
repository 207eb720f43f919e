load(":tenor_check.bzl", "check_tenor")

_LEG_CONVENTIONS = {
    "USD": ("SOFR", "ACT/360", "1Y"),
    "EUR": ("ESTR", "ACT/360", "1Y"),
    "GBP": ("SONIA", "ACT/365F", "1Y"),
    "JPY": ("TONA", "ACT/365F", "1Y"),
    "CHF": ("SARON", "ACT/360", "1Y"),
    "CAD": ("CORRA", "ACT/365F", "6M"),
    "AUD": ("AONIA", "ACT/365F", "6M"),
}

def _curve_impl(ccy, pillars, forwards):
    index, dcc, freq = _LEG_CONVENTIONS[ccy]
    nodes = []
    for start in forwards:
        for pillar in pillars:
            nodes.append("{}x{}".format(check_tenor(start, ccy), check_tenor(pillar, ccy)))
    python_library(
        name = "swap_curve_{}".format(ccy.lower()),
        srcs = ["curves/swap_curve.py"],
        env = {"INDEX": index, "DCC": dcc, "FREQ": check_tenor(freq, ccy), "NODES": str(len(nodes))},
    )

def swap_curve_suite(ccys, pillars, forwards = ["1D", "3M", "1Y", "5Y", "10Y"]):
    for ccy in ccys:
        if ccy not in _LEG_CONVENTIONS:
            fail("no swap leg conventions for " + ccy)
        _curve_impl(ccy, pillars, forwards)
