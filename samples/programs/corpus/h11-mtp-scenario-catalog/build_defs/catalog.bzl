# Simulation scenario catalog: every map × actor script × weather × time of day.
_MAPS = ["sf_soma", "sf_mission", "phx_chandler", "phx_tempe", "la_dtla", "austin_6th", "miami_brickell", "tokyo_odaiba",
         "seattle_slu", "detroit_midtown", "atlanta_midtown", "dallas_uptown"]
_ACTOR_SCRIPTS = ["cut_in", "cut_out", "jaywalker", "double_parked", "unprotected_left", "merge", "emergency_vehicle",
                  "school_bus", "construction_zone", "cyclist_overtake", "occluded_ped", "u_turn"]
_WEATHER = ["clear", "rain", "fog", "night_rain", "glare", "snow"]
_SPEEDS_KPH = [10, 15, 20, 25, 30, 40, 55, 70]

def load_catalog():
    catalog = {}
    for map_name in _MAPS:
        for script in _ACTOR_SCRIPTS:
            for weather in _WEATHER:
                for speed in _SPEEDS_KPH:
                    key = "{}.{}.{}.{}kph".format(map_name, script, weather, speed)
                    catalog[key] = struct(
                        key = key,
                        map = map_name,
                        script = script,
                        weather = weather,
                        speed = speed,
                        args = ["--map=" + map_name, "--actors=scripts/%s.py" % script, "--weather=" + weather, "--ego-speed=%d" % speed],
                    )
    return catalog
