/** Seal contexts bind each project's hook secret to its row. */
export const projectSealContext = {
  hookSecret: (projectId: string) => `project.hook_secret:${projectId}`,
};
