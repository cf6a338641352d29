import pytest

@pytest.fixture(scope='session', autouse=True)
def standins():
    "Every test here runs against the offline stand-ins (built once per machine by `./cookbook test`)."
    from hfguide.offline import use_standins
    return use_standins('offline', verbose=False)
