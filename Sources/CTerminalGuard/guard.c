#include "CTerminalGuard.h"
int ctg_placeholder(void){return 0;}
