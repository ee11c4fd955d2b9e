// The control of the layer tests: what a front end may include compiles and links against the facade.
#include "api/training_run.h"
#include "common/config.h"
#include "common/config_schema.h"
int main() { return dino::configFieldTable().empty() ? 1 : 0; }
