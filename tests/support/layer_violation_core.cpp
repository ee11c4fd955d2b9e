// Must not compile: the model layer (linked to dino_core: model/, loss/, schedule/, common/) including
// the training layer above it. tests/CMakeLists.txt expects the compiler's "No such file".
#include "training/trainer.h"
int main() { return 0; }
