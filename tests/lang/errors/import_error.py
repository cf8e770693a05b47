# ModuleNotFoundError for a missing module.
import no_such_module_xyz
# expect error: ModuleNotFoundError: No module named 'no_such_module_xyz'
