// Must not compile: a front end (linked to the dino_engine facade) including an engine internal.
// tests/CMakeLists.txt builds it in a test that expects the compiler's "No such file" for the header.
#include "training/trainer.h"
int main() { return 0; }
