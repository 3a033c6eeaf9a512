/** Tag colour of each customer stage. */
export const STAGE_COLOURS: Record<string, string> = {
  applying: 'cyan',
  connecting: 'blue',
  active: 'green',
  suspended: 'orange',
  closing: 'volcano',
  closed: 'default',
};
