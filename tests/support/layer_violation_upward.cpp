// Must not compile: an engine layer below the facade (linked to dino_train, which sees training/,
// evaluation/, export/ and everything below) including the facade above it. The run types it needs
// are in common/run_types.h. tests/CMakeLists.txt expects the compiler's "No such file".
#include "api/types.h"
int main() { return 0; }
