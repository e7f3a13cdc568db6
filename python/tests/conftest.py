import os

import pytest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="session")
def repository():
    return REPOSITORY


@pytest.fixture(scope="session")
def results(repository):
    import cooperationlab as cl

    return cl.load(repository)


@pytest.fixture(scope="session")
def tool(repository):
    import cooperationlab as cl

    try:
        return cl.Tool(cwd=repository)
    except FileNotFoundError as error:  # the tool is built by `make test` before pytest runs
        pytest.fail(str(error))
