# syntax=docker/dockerfile:1
# The API built inside the image: nothing is written into the checkout (no root-owned bin/ or obj/), and
# NuGet packages are kept in a BuildKit cache between builds.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=hotline-nuget,target=/root/.nuget/packages \
    dotnet publish src/Hotline.Ledger.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "Hotline.Ledger.Api.dll"]
