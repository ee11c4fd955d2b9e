// Must not compile: a front end (linked to the dino_engine facade) including libtorch.
#include <torch/torch.h>
int main() { return 0; }
