/** Bitbucket Cloud's public addresses, the defaults behind "Customize settings". */
export const BITBUCKET_CLOUD_HOST_URL = "https://bitbucket.org";
export const BITBUCKET_CLOUD_API_URL = "https://api.bitbucket.org/2.0";
