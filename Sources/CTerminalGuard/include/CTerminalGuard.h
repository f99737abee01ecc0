int ctg_placeholder(void);
