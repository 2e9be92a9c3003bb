/** The files of the data contract (DESIGN.md, "Input contract"): every data directory has the first three, and may have method.yaml. */
export const contractFiles = ['regions.csv', 'variables.csv', 'framework.csv', 'method.yaml'];
