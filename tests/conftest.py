import pytest

@pytest.fixture(scope='session', autouse=True)
def standins():
    "Every test here runs against the offline stand-ins (built once per machine by `./cookbook test`), with API drift as errors."
    from hfguide.offline import use_standins
    from hfguide.warning_policy import strict_warnings
    mode = use_standins('offline', verbose=False)
    strict_warnings()
    return mode

@pytest.fixture
def sigint_raises():
    """SIGINT raises KeyboardInterrupt during the test, as in a terminal, even where the runner was started with SIGINT
    ignored (a shell's background job inherits SIG_IGN, and Python then installs no handler); restored afterwards."""
    import signal
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)
