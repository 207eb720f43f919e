_PERMISSIONS = ["INTERNET", "CAMERA", "RECORD_AUDIO", "ACCESS_FINE_LOCATION", "READ_CONTACTS", "BLUETOOTH", "NFC", "VIBRATE"]

def permissions_manifest(min_sdk, package):
    entries = {}
    for sdk in range(min_sdk, min_sdk + 40):
        for p in _PERMISSIONS:
            for flavor in ["debug", "release", "staging", "canary"]:
                entries["%s.%s.sdk%d.%s" % (package, p.lower(), sdk, flavor)] = "android.permission.%s:%d:%s" % (p, sdk, flavor)
    return entries
