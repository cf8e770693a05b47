# A user exception derived from ValueError.
class ConfigError(ValueError):
    pass
raise ConfigError("missing key 'port'")
# expect error: ConfigError: missing key 'port'
