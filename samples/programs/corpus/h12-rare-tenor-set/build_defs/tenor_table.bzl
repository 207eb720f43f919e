"""Every tenor string the swap pricer accepts, in canonical spelling."""

SUPPORTED_TENORS = (
    ["ON", "TN", "SN"] +
    ["{}D".format(n) for n in range(1, 31)] +
    ["{}W".format(n) for n in range(1, 53)] +
    ["{}M".format(n) for n in range(1, 121)] +
    ["{}Y".format(n) for n in range(1, 61)] +
    ["{}Y{}M".format(y, m) for y in range(1, 31) for m in (3, 6, 9)]
)
