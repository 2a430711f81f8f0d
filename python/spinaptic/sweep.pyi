"""Type stubs of spinaptic.sweep."""
import os
from typing import Any, Union

def run_sweep(sweep: Union[dict[str, Any], str, os.PathLike[str]], threads: int = 1, as_frame: bool = True) -> Any: ...
