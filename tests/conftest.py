import pytest

@pytest.fixture(scope='session', autouse=True)
def standins():
    "Every test here runs against the offline stand-ins (built once per machine by `./cookbook test`), with API drift as errors."
    from hfguide.offline import use_standins
    from hfguide.warning_policy import strict_warnings
    mode = use_standins('offline', verbose=False)
    strict_warnings()
    return mode
